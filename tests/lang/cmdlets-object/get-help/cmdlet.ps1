$h = Get-Help Where-Object -Full | Out-String
($h -split "`n" | Where-Object { $_ -match '^    Where-Object ' }).Count
(Get-Help Select-Object -Parameter First | Out-String) -match 'Required\?\s+false'
Get-Help Sort-Object -Online
(Get-Help Get-Member -Examples | Out-String) -match 'Example 1'
try { Get-Help No-SuchCommand -ErrorAction Stop } catch { $_.FullyQualifiedErrorId -like 'HelpNotFound*' }
