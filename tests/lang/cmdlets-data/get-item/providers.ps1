$env:HVSH_C2_GI = 'value1'
(Get-Item env:HVSH_C2_GI).Value
Get-Content env:HVSH_C2_GI
Set-Content env:HVSH_C2_GI -Value 'value2'
$env:HVSH_C2_GI
Remove-Item env:HVSH_C2_GI
Test-Path env:HVSH_C2_GI
New-Item -Path env:HVSH_C2_NEW -Value 'n' | Out-Null
$env:HVSH_C2_NEW
(Get-Item alias:gci).Definition
try { Get-Item env:HVSH_C2_MISSING -ErrorAction Stop } catch { $_.Exception.Message }
