# Virtual switch and adapter report, then re-wiring adapters to a new switch.
$env:HVSH_URI = "test://$PSScriptRoot/../fixtures/lab.xml"
Get-VMSwitch | Sort-Object Name | ForEach-Object {
    $sw = $_
    $members = Get-VMNetworkAdapter -VMName * | Where-Object SwitchName -eq $sw.Name
    '{0,-12} {1,-9} {2}' -f $sw.Name, $sw.SwitchType, (($members.VMName | Sort-Object) -join ', ')
}
New-VMSwitch -Name 'Lab Backend' -SwitchType Private | Select-Object Name, SwitchType
Get-VMNetworkAdapter -VMName web01 | Connect-VMNetworkAdapter -SwitchName 'Lab Backend'
(Get-VMNetworkAdapter -VMName web01).SwitchName
Add-VMNetworkAdapter -VMName web01 -Name 'Mgmt' -SwitchName VmNAT
Get-VMNetworkAdapter -VMName web01 | Sort-Object Name | Format-Table VMName, Name, SwitchName -AutoSize
Set-VMNetworkAdapterVlan -VMName web01 -VMNetworkAdapterName Mgmt -Access -VlanId 42
(Get-VMNetworkAdapterVlan -VMName web01 -VMNetworkAdapterName Mgmt).AccessVlanId
Get-VMNetworkAdapter -VMName web01 -Name Mgmt | Disconnect-VMNetworkAdapter
Get-VMNetworkAdapter -VMName web01 | Sort-Object Name | ForEach-Object { '{0}: connected={1}' -f $_.Name, $_.Connected }
Remove-VMNetworkAdapter -VMName web01 -Name Mgmt
@(Get-VMNetworkAdapter -VMName web01).Count
try {
    Remove-VMSwitch -Name 'No Such Switch' -Force -ErrorAction Stop
} catch {
    $_.Exception.Message
}
Rename-VMSwitch -Name 'Lab Backend' -NewName 'Backend'
(Get-VMSwitch | Sort-Object Name).Name -join '|'
