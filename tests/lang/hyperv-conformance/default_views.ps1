# hyperv-cmdlets.md §4: the default table of each Hyper-V object type (Format-Table with no
# properties uses the type's table view), and the enum properties behind them.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VM | Format-Table
Get-VMProcessor -VMName * | Format-Table
Get-VMMemory -VMName * | Format-Table
Get-VMNetworkAdapter -VMName * | Format-Table
Get-VMSwitch | Format-Table
Checkpoint-VM -Name web01 -SnapshotName before -Passthru | Format-Table VMName, Name, SnapshotType, ParentSnapshotName
# enums compare with strings case-insensitively and convert to their numbers (§4.9)
$vm = Get-VM web01
$vm.State -eq 'off'
$vm.State -eq [Microsoft.HyperV.PowerShell.VMState]::Off
[int]$vm.State
[int][Microsoft.HyperV.PowerShell.VMState]::Saved
$nic = Get-VMNetworkAdapter -VMName 'My VM (1)'
$nic.MacAddressSpoofing -eq 'ON'
[int]$nic.MacAddressSpoofing
[int][Microsoft.HyperV.PowerShell.OnOffState]::Off
$sw = Get-VMSwitch VmNAT
$sw.SwitchType -eq 'internal'
[int]$sw.SwitchType
$sw.SwitchType.GetType().FullName
# member enumeration over several adapters gives one value each; -eq then filters
(Get-VMNetworkAdapter -VMName *).MacAddressSpoofing -eq 'Off'
