$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-ri-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

'a', 'b', 'c' | ForEach-Object { New-Item -Path (Join-Path $d "$_.tmp") -ItemType File | Out-Null }
New-Item -Path (Join-Path $d 'keep.txt') -ItemType File | Out-Null
New-Item -Path (Join-Path $d 'sub/inner.txt') -ItemType File -Force | Out-Null
Remove-Item (Join-Path $d '*.tmp')
(Get-ChildItem $d -Name | Sort-Object) -join ','
try { Remove-Item (Join-Path $d 'sub') -ErrorAction Stop } catch { 'has children' }
Remove-Item (Join-Path $d 'sub') -Recurse
Test-Path (Join-Path $d 'sub')
Remove-Item (Join-Path $d 'missing.txt') -ErrorAction SilentlyContinue
$Error[0].Exception.Message.Replace($d, '<d>')
Test-Path (Join-Path $d 'keep.txt')
Remove-Item $d -Recurse -Force
