# Network adapters: views, -All/-ManagementOS, add/remove/rename, MACs, connect/disconnect, VLAN.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMNetworkAdapter -VMName web01
Get-VMNetworkAdapter -All | Format-Table Name, IsManagementOs, VMName, SwitchName, MacAddress
Get-VMNetworkAdapter -ManagementOS | Format-Table Name, SwitchName
$nic = Get-VMNetworkAdapter -VMName 'My VM (1)'
$nic.PSObject.TypeNames[0]
$nic.MacAddress
$nic.DynamicMacAddressEnabled
$nic.Connected
$nic.MacAddressSpoofing.GetType().FullName
[int]$nic.MacAddressSpoofing
Add-VMNetworkAdapter -VMName web01 -Name Backend -SwitchName 'lab private' -StaticMacAddress 00-15-5D-0A-0B-0C -Passthru | Format-Table Name, VMName, SwitchName, MacAddress, MacAddressSpoofing
Rename-VMNetworkAdapter -VMName web01 -Name Backend -NewName Storage
Set-VMNetworkAdapter -VMName web01 -Name Storage -StaticMacAddress 00155D0A0B0D
Disconnect-VMNetworkAdapter -VMName web01 -Name Storage
Get-VMNetworkAdapter -VMName web01 | Format-Table Name, SwitchName, Connected, MacAddress, DynamicMacAddressEnabled
Get-VMNetworkAdapter -VMName web01 -Name Storage | Connect-VMNetworkAdapter -SwitchName VmNAT
(Get-VMNetworkAdapter -VMName web01 -Name Storage).SwitchName
Set-VMNetworkAdapter -VMName web01 -Name Storage -DynamicMacAddress
(Get-VMNetworkAdapter -VMName web01 -Name Storage).DynamicMacAddressEnabled
Set-VMNetworkAdapterVlan -VMName web01 -VMNetworkAdapterName Storage -Access -VlanId 10
Get-VMNetworkAdapterVlan -VMName web01
Set-VMNetworkAdapterVlan -VMName web01 -Untagged
(Get-VMNetworkAdapterVlan -VMName web01).OperationMode
Remove-VMNetworkAdapter -VMName web01 -Name Storage
(Get-VMNetworkAdapter -VMName web01).Count
try { Add-VMNetworkAdapter -VMName web01 -SwitchName NoSuchSwitch -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Set-VMNetworkAdapter -VMName web01 -StaticMacAddress XYZ -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMNetworkAdapterVlan -VMName web01 -Access -VlanId 5000 -ErrorAction Stop } catch { $_.Exception.Message }
# a running VM's MAC cannot change
try { Set-VMNetworkAdapter -VMName db01 -StaticMacAddress 00155D000099 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
# addresses libvirt learned for a running VM (the test driver reports one per adapter)
Get-VMNetworkAdapter -VMName db01 | Format-Table VMName, MacAddress, Status, IPAddresses
