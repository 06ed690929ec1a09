$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-ni-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

New-Item -Path $d -Name 'a.txt' -ItemType File -Value 'hello' | ForEach-Object Name
Get-Content (Join-Path $d 'a.txt')
(New-Item -ItemType Directory -Path (Join-Path $d 'x/y/z')).Name
Test-Path (Join-Path $d 'x/y') -PathType Container
try { New-Item -Path (Join-Path $d 'a.txt') -ItemType File -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, '<d>') }
(New-Item -Path (Join-Path $d 'a.txt') -ItemType File -Value 'new' -Force).Length
(New-Item -Path (Join-Path $d 'p/q.txt') -ItemType File -Force).FullName.Replace($d, '<d>')
$i = New-Item -Path (Join-Path $d 'e.txt')
$i.GetType().FullName
$i.Length
(New-Item -ItemType Directory -Path (Join-Path $d 'x') -Force).GetType().Name
Remove-Item $d -Recurse -Force
