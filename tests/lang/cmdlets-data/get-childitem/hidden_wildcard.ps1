$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-hid-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null
'.h1', 'v1' | ForEach-Object { New-Item -Path (Join-Path $d $_) -ItemType File | Out-Null }
(Get-ChildItem (Join-Path $d '*') -Name | Sort-Object) -join ','
(Get-ChildItem (Join-Path $d '*') -Force -Name | Sort-Object) -join ','
(Get-Item (Join-Path $d '*') -Force | ForEach-Object Name | Sort-Object) -join ','
Remove-Item (Join-Path $d '*')
(Get-ChildItem $d -Force -Name) -join ','
Remove-Item (Join-Path $d '*') -Force
(Get-ChildItem $d -Force | Measure-Object).Count
Remove-Item $d -Recurse -Force
