$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gc3-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

Set-Content (Join-Path $d 'a.txt') 'from a'
Set-Content (Join-Path $d 'b.txt') 'from b'
Get-Content (Join-Path $d '*.txt')
$env:HVSH_C2_GC = 'envval'
Get-Content env:HVSH_C2_GC
function Get-C2Fn { 'body' }
(Get-Content function:Get-C2Fn).ToString().Trim()
Remove-Item $d -Recurse -Force
