Get-ChildItem -Path $PSScriptRoot -Filter *.ps1 -Recurse |
    Where-Object { $_.Length -gt 1KB -and $_.Name -notlike 'test*' } |
    Sort-Object -Property Length -Descending |
    Select-Object -First 10 -Property Name, @{ n = 'KB'; e = { [math]::Round($_.Length / 1KB, 1) } } |
    Format-Table -AutoSize

Get-VM | Where-Object State -eq 'Running' | Stop-VM -Force -WhatIf
Get-VM | ? { $_.Name -match '^lab' } | % { $_.Name.ToUpper() }

$sizes = Get-ChildItem -File | Measure-Object -Property Length -Sum -Average
"{0:N0} bytes in {1} files (avg {2:N1})" -f $sizes.Sum, $sizes.Count, $sizes.Average

1..5 | ForEach-Object { $_ * $_ } | Where-Object { $_ % 2 } | Measure-Object -Sum

Get-Process | Group-Object -Property Name -NoElement | Sort-Object Count -Descending | Select-Object -First 3

$names = Get-VM | ForEach-Object -MemberName Name
$running = @(Get-VM | Where-Object { $_.State -eq 'Running' }).Count
Get-Content ./hosts.txt | ForEach-Object { $_.Trim() } | Where-Object { $_ -and -not $_.StartsWith('#') } |
    ForEach-Object -Begin { $i = 0 } -Process { $i++; "$i`t$_" } -End { "total $i" }
