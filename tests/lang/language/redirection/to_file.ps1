$f = "/tmp/hvsh-redir-test-$PID.txt"
"line1" > $f
"line2" >> $f
Get-Content $f
Remove-Item $f
