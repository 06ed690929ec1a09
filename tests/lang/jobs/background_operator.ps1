# The background operator (pwsh 6+): `pipeline &` starts the pipeline as a background job
# and returns the job; $using: works as in Start-Job.
$who = 'lab'
$j = Write-Output "hello $using:who" &
$j.PSJobTypeName
$j.Command
$j | Receive-Job -Wait
$k = 'b', 'a', 'c' | Sort-Object &
(Receive-Job $k -Wait) -join ','
$c = 1 + 1 && "chain ran" &
Receive-Job $c -Wait
(Get-Job).Count
Get-Job | Remove-Job
