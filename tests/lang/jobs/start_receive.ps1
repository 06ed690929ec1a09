# Start-Job runs the script block in another process; Receive-Job gets its results.
$j = Start-Job -ScriptBlock {param($a, $b) $a + $b} -ArgumentList 20, 22
$j.Name
$j.PSJobTypeName
$j.Location
$j.Command
$j.ChildJobs.Count
$j.ChildJobs[0].Name
$null = Wait-Job $j
$j.State
$j.HasMoreData
Receive-Job $j
$j.HasMoreData
Receive-Job $j
'--- the caller''s variables are not there; $using: copies them in'
$n = 5
Start-Job {"n is [$n]"} | Receive-Job -Wait -AutoRemoveJob
Start-Job {"using n is [$using:n]"} | Receive-Job -Wait -AutoRemoveJob
$list = 'a', 'b'
Start-Job {$using:list -join '+'} | Receive-Job -Wait -AutoRemoveJob
function Get-Answer { 42 }
Start-Job {@(Get-Command Get-Answer -ErrorAction SilentlyContinue).Count} | Receive-Job -Wait -AutoRemoveJob
'--- input'
Start-Job -InputObject 'in' {"got $input"} | Receive-Job -Wait -AutoRemoveJob
1..3 | Start-Job {$input | ForEach-Object {$_ * 10}} | Receive-Job -Wait -AutoRemoveJob
'--- initialization script, name, -Keep'
Start-Job -InitializationScript {function Get-Twice($x) {2 * $x}} -ScriptBlock {Get-Twice 21} |
    Receive-Job -Wait -AutoRemoveJob
$k = Start-Job -Name keeper {'kept'} | Wait-Job
Receive-Job -Name keeper -Keep
Receive-Job -Name keeper -Keep
Receive-Job -Name keeper
$k.HasMoreData
Get-Job | ForEach-Object { "$($_.Id) $($_.Name)" }
Get-Job | Remove-Job
@(Get-Job).Count
