# hyperv-cmdlets.md §5: parameter shapes that decide how a command line binds.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
# Set-VMNetworkAdapter -VMName is a single String: two names do not bind...
try {
    Set-VMNetworkAdapter -VMName web01, db01 -MacAddressSpoofing On
} catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
}
(Get-VMNetworkAdapter -VMName web01).MacAddressSpoofing
# ...a wildcard does (MSLab 3_Deploy.ps1)
Set-VMNetworkAdapter -VMName web* -MacAddressSpoofing On -Passthru | Format-Table VMName, MacAddressSpoofing
# and so does the seed's pipeline: one adapter per record
Get-VMNetworkAdapter -VMName * | Set-VMNetworkAdapter -MacAddressSpoofing Off -Passthru |
    Format-Table VMName, Name, MacAddressSpoofing
# Connect-VMNetworkAdapter: -SwitchName is positional after -VMName [-Name], or after -VMNetworkAdapter
Connect-VMNetworkAdapter web01 'Network Adapter' 'Lab Private'
(Get-VMNetworkAdapter -VMName web01).SwitchName
Connect-VMNetworkAdapter (Get-VMNetworkAdapter -VMName web01) VmNAT
(Get-VMNetworkAdapter -VMName web01).SwitchName
# -VMSwitch takes the switch object, by position or from the pipeline
Connect-VMNetworkAdapter -VMName db01 'Network Adapter' (Get-VMSwitch 'Lab Private')
(Get-VMNetworkAdapter -VMName db01).SwitchName
Get-VMSwitch VmNAT | Connect-VMNetworkAdapter -VMName db01
(Get-VMNetworkAdapter -VMName db01).SwitchName
# Get-VMSwitch -Name is a single String too
try { Get-VMSwitch -Name VmNAT, 'Lab Private' } catch { $_.FullyQualifiedErrorId }
