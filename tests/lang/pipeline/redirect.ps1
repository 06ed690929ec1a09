# Redirections of the output, error, warning, verbose and information streams.
$f = "redirect-test-$PID.txt"
"hello" > $f
"more" >> $f
cat $f
rm $f
Write-Warning "shown"
Write-Warning "hidden" 3>$null
Write-Verbose "not shown"
Write-Verbose "verbose shown" -Verbose
Write-Verbose "hidden too" -Verbose 4>$null
Write-Error "silenced" 2>$null
Write-Error "merged" 2>&1 | ForEach-Object { "caught: $_" }
$w = Write-Warning "as object" 3>&1
"warning record: $w"
& { "out"; Write-Error "err"; Write-Warning "warn" } *>$null
"after all-null"
Write-Host "host line" 6>$null
Write-Host "visible host"
