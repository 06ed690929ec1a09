$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-csv-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null
$f = Join-Path $d 'vms.csv'
[pscustomobject]@{Name = 'vm1'; Mem = 2}, [pscustomobject]@{Name = 'vm2'; Mem = 4} | Export-Csv -Path $f
Get-Content $f
[pscustomobject]@{Name = 'vm3'; Mem = 8} | Export-Csv -Path $f -Append
Import-Csv $f | ForEach-Object { "$($_.Name)=$($_.Mem)" }
Import-Csv -Path $f -Header A, B | Select-Object -First 1 | ForEach-Object { "$($_.A)/$($_.B)" }
[pscustomobject]@{X = 1} | Export-Csv -Path $f -UseQuotes Never
Get-Content $f
try { [pscustomobject]@{X = 2} | Export-Csv -Path $f -NoClobber -ErrorAction Stop } catch { 'exists' }
Remove-Item $d -Recurse -Force
Test-Path $d
