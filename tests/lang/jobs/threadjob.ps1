# Start-ThreadJob: the same machinery, PSJobTypeName ThreadJob, no child jobs (Ids are
# consecutive), and at most -ThrottleLimit running at once: the others wait as NotStarted.
$jobs = 1..4 | ForEach-Object { Start-ThreadJob -ScriptBlock {param($n) $n * $n} -ArgumentList $_ }
$jobs.PSJobTypeName | Select-Object -Unique
$jobs.Id -join ','
$jobs[0].Location
$jobs[0].ChildJobs.Count
($jobs | Wait-Job | Receive-Job | Sort-Object) -join ','
$slow = Start-ThreadJob {Start-Sleep 30} -ThrottleLimit 1
$next = Start-ThreadJob {'next'} -ThrottleLimit 1
$slow.State
$next.State
Stop-Job $slow
$next | Wait-Job | Receive-Job
$next.State
Get-Job | Remove-Job
