$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-tp-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

New-Item -ItemType File -Path (Join-Path $d 'f.txt') | Out-Null
New-Item -ItemType Directory -Path (Join-Path $d 'sub') | Out-Null
Test-Path $d
Test-Path (Join-Path $d 'f.txt') -PathType Leaf
Test-Path (Join-Path $d 'f.txt') -PathType Container
Test-Path (Join-Path $d 'sub') -PathType Container
Test-Path (Join-Path $d '*.txt')
Test-Path (Join-Path $d '*.log')
Test-Path (Join-Path $d 'nope')
Test-Path -LiteralPath (Join-Path $d '*.txt')
Test-Path (Join-Path $d 'nope/deeper') -IsValid
(Join-Path $d 'f.txt'), (Join-Path $d 'x') | Test-Path
Remove-Item $d -Recurse -Force
Test-Path $d
