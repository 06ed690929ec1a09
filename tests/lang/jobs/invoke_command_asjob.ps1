# Invoke-Command -AsJob runs the script block as a background job (a RemoteJob on the
# computer named) and returns the job.
$x = 3
$j = Invoke-Command -ScriptBlock {param($a) $a * $using:x} -ArgumentList 7 -ComputerName localhost -AsJob -JobName calc
$j.PSJobTypeName
$j.Name
$j.Location
$j | Receive-Job -Wait
$k = 1, 2 | Invoke-Command {$input | ForEach-Object {$_ + 100}} -ComputerName localhost -AsJob
(Receive-Job $k -Wait) -join ','
Get-Job | Remove-Job
