$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-sc-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$f = Join-Path $d 's.txt'
Set-Content -Path $f -Value 'Hello', 'World'
Get-Content $f -Raw
1, 2, 3 | Set-Content $f
(Get-Content $f) -join ','
Set-Content $f -Value 'a', 'b' -NoNewline
Get-Content $f -Raw
[pscustomobject]@{A = 1} | Set-Content $f
Get-Content $f
Set-Content $f -Value 'x' -PassThru
Add-Content $f -Value 'y'
Add-Content -Path $f -Value 'z1', 'z2'
(Get-Content $f) -join ','
Clear-Content $f
(Get-Item $f).Length
Test-Path $f
try { Set-Content (Join-Path $d 'no/such/dir.txt') 'v' -ErrorAction Stop } catch { 'failed' }
Remove-Item $d -Recurse -Force
