$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$f = Join-Path $base "hvsh-c2-tail-$PID.txt"
Set-Content $f -Value "a`nb`nc" -NoNewline
(Get-Content $f -Tail 2) -join ','
(Get-Content $f -Tail 5) -join ','
(Get-Content $f -Tail 0 | Measure-Object).Count
Set-Content $f -Value "a`n`n`n" -NoNewline
(Get-Content $f -Tail 2 | ForEach-Object { "[$_]" }) -join ','
1..1000 | Set-Content $f
Get-Content $f -Last 3
Remove-Item $f
