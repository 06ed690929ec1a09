# hyperv-cmdlets.md §4.4: VMNetworkAdapter.SwitchId is the Guid of the connected switch
# (VMSwitch.Id), empty when disconnected.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$nic = Get-VMNetworkAdapter -VMName db01
$nic.SwitchId.GetType().FullName
$nic.SwitchId -eq (Get-VMSwitch VmNAT).Id
(Get-VMNetworkAdapter -VMName 'My VM (1)').SwitchId -eq (Get-VMSwitch 'Lab Private').Id
Connect-VMNetworkAdapter -VMName db01 -SwitchName 'Lab Private'
(Get-VMNetworkAdapter -VMName db01).SwitchId -eq (Get-VMSwitch 'Lab Private').Id
Disconnect-VMNetworkAdapter -VMName db01
$null -eq (Get-VMNetworkAdapter -VMName db01).SwitchId
