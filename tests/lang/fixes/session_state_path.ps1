# $ExecutionContext.SessionState.Path / PSVariable, as scripts use them to resolve paths
$here = $ExecutionContext.SessionState.Path.CurrentLocation
Split-Path -Leaf $here.Path
$here.Path -eq $PWD.Path
$full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath('./disks/../vm1.vhdx')
$full -eq (Join-Path $PWD.Path 'vm1.vhdx')
$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath('/srv/./lab/x')
$ExecutionContext.SessionState.PSVariable.Set('labName', 'lab1')
$labName
$ExecutionContext.SessionState.PSVariable.GetValue('labName')
