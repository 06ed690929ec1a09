$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gc-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$f = Join-Path $d 'n.txt'
1..10 | ForEach-Object { "line $_" } | Set-Content $f
(Get-Content $f).Count
Get-Content $f -TotalCount 2
Get-Content $f -First 1
Get-Content $f -Head 0
Get-Content $f -Tail 2
Get-Content $f -Last 1
(Get-Content $f -Raw).Length
(Get-Content $f -Raw).GetType().Name
Get-Content $f -ReadCount 4 | ForEach-Object { $_ -join '+' }
(Get-Content $f -ReadCount 0).Count
gc $f -TotalCount 1
type $f -Tail 1
Remove-Item $d -Recurse -Force
