$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-outfile-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null
$f = Join-Path $d 'out.txt'
'a', 'b' | Out-File $f
Get-Content $f
'c' | Out-File -FilePath $f -Append
(Get-Content $f) -join ','
'x', 'y' | Out-File $f -NoNewline
Get-Content $f -Raw
[pscustomobject]@{A = 1; B = 'x'} | Out-File $f
(Get-Content $f) -join '|'
@() | Out-File $f
(Get-Item $f).Length
try { 'z' | Out-File $f -NoClobber -ErrorAction Stop } catch { 'exists' }
Remove-Item $d -Recurse -Force
