$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gc2-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$f = Join-Path $d 'e.txt'
Set-Content $f -Value "a`r`nb`rc`n`nd" -NoNewline
(Get-Content $f) -join '|'
Set-Content $f -Value 'x1y1z' -NoNewline
Get-Content $f -Delimiter '1'
Set-Content $f -Value '' -NoNewline
(Get-Content $f | Measure-Object).Count
$null -eq (Get-Content $f -Raw)
try { Get-Content (Join-Path $d 'missing.txt') -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, '<d>') }
try { Get-Content $d -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, '<d>') }
Remove-Item $d -Recurse -Force
