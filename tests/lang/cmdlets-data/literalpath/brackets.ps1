$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-lit-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

Push-Location -LiteralPath $d
Set-Content -LiteralPath 'a[1].txt' -Value 'literal'
Set-Content -Path 'a1.txt' -Value 'wild'
Get-Content -LiteralPath 'a[1].txt'
Get-Content -Path 'a[1].txt'
Test-Path -LiteralPath 'a[1].txt'
Test-Path -LiteralPath 'a[2].txt'
(Get-ChildItem -LiteralPath (Join-Path $d 'a[1].txt')).Name
(Get-Item -LiteralPath 'a[1].txt').Length
Split-Path -LiteralPath (Join-Path $d 'a[1].txt') | ForEach-Object { $_ -eq $d }
Resolve-Path -LiteralPath 'a[1].txt' -Relative
(Select-String -LiteralPath 'a[1].txt' -Pattern 'lit').LineNumber
'x' | Out-File -LiteralPath 'o[1].txt'
Get-Content -LiteralPath 'o[1].txt'
[pscustomobject]@{K = 'v'} | Export-Csv -LiteralPath 'c[1].csv'
(Import-Csv -LiteralPath 'c[1].csv').K
Remove-Item -LiteralPath 'a[1].txt'
Test-Path -LiteralPath 'a[1].txt'
Test-Path a1.txt
Pop-Location
Remove-Item -LiteralPath $d -Recurse -Force
