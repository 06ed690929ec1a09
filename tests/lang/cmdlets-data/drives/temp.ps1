$f = "temp:/hvsh-c2-tempdrive-$PID.txt"
Set-Content -Path $f -Value 'in temp'
Get-Content $f
Test-Path $f
Remove-Item $f
Test-Path $f
