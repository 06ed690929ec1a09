$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-proc-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$f = Join-Path $d 'out.txt'
Start-Process -FilePath echo -ArgumentList 'hello', 'world' -RedirectStandardOutput $f -Wait
Get-Content $f
$p = Start-Process -FilePath sh -ArgumentList '-c', '"exit 3"' -Wait -PassThru
$p.ExitCode
Start-Process -FilePath pwd -WorkingDirectory $d -RedirectStandardOutput $f -Wait
(Get-Content $f) -eq $d
$s = Start-Process -FilePath sleep -ArgumentList 30 -PassThru
$s.ProcessName
Stop-Process -Id $s.Id
(Get-Process -Id $s.Id -ErrorAction SilentlyContinue | Measure-Object).Count
Push-Location /tmp
try { Start-Process -FilePath no-such-program-c2 -ErrorAction Stop } catch { $_.Exception.Message }
Pop-Location
Remove-Item $d -Recurse -Force
