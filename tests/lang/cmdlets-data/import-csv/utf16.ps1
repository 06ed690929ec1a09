$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$f = Join-Path $base "hvsh-c2-u16-$PID.csv"
[pscustomobject]@{Name = 'vé'; N = 1} | Export-Csv -Path $f -Encoding unicode
(Get-Content $f -AsByteStream -TotalCount 4) -join ' '
Import-Csv $f | ForEach-Object { "$($_.Name)=$($_.N)" }
Remove-Item $f
