# A job's default view: pwsh's Job table (Id Name PSJobTypeName State HasMoreData Location
# Command).
$j = Start-Job -Name build {'x'} | Wait-Job
$f = Start-Job {throw 'no'} | Wait-Job
$null = Receive-Job $j
Get-Job
$j | Format-List Id, Name, State, HasMoreData, Location, Command
