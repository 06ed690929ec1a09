$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-rp-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

'a.txt', 'b.txt' | ForEach-Object { New-Item -Path (Join-Path $d $_) -ItemType File | Out-Null }
New-Item -ItemType Directory -Path (Join-Path $d 'sub') | Out-Null
Push-Location $d
(Resolve-Path ./a.txt).Path -eq (Join-Path $d 'a.txt')
(Resolve-Path *.txt | ForEach-Object { Split-Path $_.Path -Leaf }) -join ','
Resolve-Path ./a.txt -Relative
Resolve-Path (Join-Path $d 'sub') -Relative
Push-Location sub
Resolve-Path ../b.txt -Relative
Pop-Location
(Resolve-Path ~).Path -eq $HOME
try { Resolve-Path ./zz.txt -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, '<d>') }
Pop-Location
Remove-Item $d -Recurse -Force
