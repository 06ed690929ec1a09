# Stream redirections to files: different files per stream, one file for all streams
# (written in order), appending, and a redirection of a function applying to the commands
# inside it.
$o = "rf-out-$PID.txt"; $e = "rf-err-$PID.txt"; $a = "rf-all-$PID.txt"
& { "out"; Write-Warning "warn" } > $o 3> $e
cat $o
"--"
cat $e
"--"
& { "o2"; Write-Warning "w2"; "o3" } *> $a
"more" >> $a
cat $a
function Noisy { Write-Warning "inner warning"; Write-Verbose "inner verbose" -Verbose; "result" }
Noisy 3>$null 4>$null
rm $o, $e, $a
