# hyperv-cmdlets.md §5: Get-VMProcessor, Get-VMMemory and Get-VMNetworkAdapter have a
# VMSnapshot set ([-VMSnapshot] <VMSnapshot>, alias -VMCheckpoint, from the pipeline too).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Checkpoint-VM -Name web01 -SnapshotName before
$s = Get-VMSnapshot -VMName web01 -Name before
Get-VMNetworkAdapter -VMSnapshot $s | Format-Table VMName, Name, MacAddress
$s | Get-VMNetworkAdapter | ForEach-Object Name
Get-VMNetworkAdapter -VMCheckpoint $s 'Net*' | ForEach-Object Name
$s | Get-VMProcessor | ForEach-Object { '{0} {1}' -f $_.VMName, $_.Count }
(Get-VMMemory -VMSnapshot $s).Startup
