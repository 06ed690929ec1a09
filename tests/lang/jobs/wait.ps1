# Wait-Job: all jobs, -Any (the first to finish), -Timeout (returns nothing when it
# expires); pipeline input.
$slow = Start-Job {Start-Sleep 30}
$fast = Start-Job {'quick'}
$first = Wait-Job -Job $slow, $fast -Any
$first.Name
$first.State
$none = Wait-Job $slow -Timeout 1
$null -eq $none
$slow.State
Stop-Job $slow -PassThru | ForEach-Object { "$($_.Name) $($_.State)" }
(Get-Job | Wait-Job).Count
Receive-Job -Id 3
'--- a job that writes a lot'
$big = Start-Job {1..20000 | ForEach-Object { "line $_" }}
$lines = $big | Receive-Job -Wait
$lines.Count
$lines[-1]
Get-Job | Remove-Job
