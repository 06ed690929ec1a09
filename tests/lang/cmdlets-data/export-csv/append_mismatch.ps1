$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$f = Join-Path $base "hvsh-c2-app-$PID.csv"
[pscustomobject]@{A = 1; B = 2} | Export-Csv $f
try { [pscustomobject]@{A = 3} | Export-Csv $f -Append } catch { $_.Exception.Message.Replace($f, '<f>') }
[pscustomobject]@{A = 4; C = 9} | Export-Csv $f -Append -Force
Get-Content $f
Remove-Item $f
