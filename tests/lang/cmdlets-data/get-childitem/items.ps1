$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gci2-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

Set-Content -Path (Join-Path $d 'data.json') -Value '12345'
New-Item -ItemType Directory -Path (Join-Path $d 'dir') | Out-Null
$f = Get-ChildItem $d -File
$f.Name
$f.BaseName
$f.Extension
$f.Length
$f.FullName -eq (Join-Path $d 'data.json')
$f.DirectoryName -eq $d
$f.Directory.FullName -eq $d
$f.PSIsContainer
$f.Exists
$f.UnixMode
$f.LastWriteTime.GetType().Name
$g = Get-Item (Join-Path $d 'dir')
$g.PSIsContainer
$g.GetType().FullName
$g.Parent.FullName -eq $d
"$f" -eq $f.FullName
Remove-Item $d -Recurse -Force
