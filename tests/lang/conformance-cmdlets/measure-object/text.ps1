# Measure-Object docs example 3
$f = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-x3-measure-$PID.txt"
"One", "Two", "Three", "Four" | Set-Content -Path $f
Get-Content $f | Measure-Object -Character -Line -Word
Remove-Item $f
