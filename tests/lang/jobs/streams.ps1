# Errors, warnings and information records written in a job come back on their streams
# when Receive-Job runs (output first, then errors, then warnings, then information);
# Write-Host text is shown then.
$j = Start-Job {
    'out1'
    Write-Warning 'low disk'
    Write-Error 'copy failed'
    Write-Verbose 'not shown'
    Write-Information 'quiet info'
    'out2'
} | Wait-Job
$out = Receive-Job $j -ErrorVariable errs -WarningVariable warns -InformationVariable infos `
    -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
$out -join ','
$errs.Count
$errs[0].Exception.Message
$warns.Count
$warns[0].Message
$infos.Count
"$($infos[0].MessageData)"
'--- warnings are shown'
Start-Job {Write-Warning 'careful'; 'after warning'} | Wait-Job | Receive-Job
'--- Write-Host text'
Start-Job {Write-Host 'from the host'; 'value'} | Wait-Job | Receive-Job
'--- errors as records with 2>&1'
Start-Job {Write-Error 'e1'; 'v1'} | Wait-Job | Receive-Job 2>&1 | ForEach-Object { "$($_.GetType().Name): $_" }
Get-Job | Remove-Job
'--- a statement-terminating error: the job goes on; the error is an error record'
$t = Start-Job {1 / 0; 'after'; [int]'x'; 'end'} | Wait-Job
$t.State
Receive-Job $t -ErrorVariable terr -ErrorAction SilentlyContinue
$terr.Count
$terr[0].Exception.Message
$terr[1].Exception.Message
Get-Job | Remove-Job
