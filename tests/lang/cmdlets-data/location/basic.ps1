$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-loc-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

New-Item -ItemType Directory -Path (Join-Path $d 'sub') | Out-Null
$start = (Get-Location).Path
Set-Location $d
(Get-Location).Path -eq $d
(Get-Location).GetType().FullName
Set-Location sub
Split-Path (Get-Location) -Leaf
Set-Location ..
(pwd).Path -eq $d
cd sub
cd -
(Get-Location).Path -eq $d
cd +
Split-Path (Get-Location).Path -Leaf
(Set-Location $d -PassThru).Path -eq $d
Push-Location sub
Split-Path $PWD -Leaf
Get-Location -Stack | ForEach-Object { $_.Path -eq $d }
Pop-Location
(Get-Location).Path -eq $d
Pop-Location
(Get-Location).Path -eq $d
try { Set-Location (Join-Path $d 'nope') -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, '<d>') }
Set-Location $start
Remove-Item $d -Recurse -Force
