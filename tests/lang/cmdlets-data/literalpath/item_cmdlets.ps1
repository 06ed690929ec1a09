$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-lit2-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null
Push-Location -LiteralPath $d
Set-Content -LiteralPath 'x[1].txt' -Value 'one', 'two'
Copy-Item -LiteralPath 'x[1].txt' -Destination 'y[1].txt'
Get-Content -LiteralPath 'y[1].txt' -TotalCount 1
Rename-Item -LiteralPath 'y[1].txt' -NewName 'z.txt'
Test-Path -LiteralPath 'y[1].txt'
Select-String -Path 'z.txt' -Pattern 'tw' -Raw
Clear-Content -LiteralPath 'x[1].txt'
(Get-Item -LiteralPath 'x[1].txt').Length
Move-Item -LiteralPath 'x[1].txt' -Destination 'moved.txt'
(Get-ChildItem -Name | Sort-Object) -join ','
Import-Csv -LiteralPath 'moved.txt' | Measure-Object | ForEach-Object Count
Pop-Location
Remove-Item -LiteralPath $d -Recurse -Force
