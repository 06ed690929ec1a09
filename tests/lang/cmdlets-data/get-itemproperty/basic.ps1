$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gip-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

Set-Content (Join-Path $d 'f.txt') 'abc'
(Get-ItemProperty (Join-Path $d 'f.txt') -Name Length).Length
(Get-ItemProperty (Join-Path $d 'f.txt')).Name
(Get-PSDrive -Name Env).Provider
(Get-PSDrive -PSProvider FileSystem | ForEach-Object Name) -join ','
Remove-Item -LiteralPath $d -Recurse -Force
