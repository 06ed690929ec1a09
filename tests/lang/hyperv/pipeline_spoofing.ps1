# The issue's pipeline: start the VMs that are off, then allow MAC spoofing on their adapters.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VM | Where-Object State -eq Off | Start-VM -Passthru | Get-VMNetworkAdapter | Set-VMNetworkAdapter -MacAddressSpoofing On
Get-VM | Format-Table Name, State
Get-VMNetworkAdapter -VMName * | Format-Table VMName, Name, MacAddressSpoofing
# the seed document's form, on one VM, and Off again
Get-VMNetworkAdapter -VMName db01 | Set-VMNetworkAdapter -MacAddressSpoofing on
(Get-VMNetworkAdapter -VMName db01).MacAddressSpoofing
Get-VMNetworkAdapter -VMName web01 | Set-VMNetworkAdapter -MacAddressSpoofing Off -Passthru | Format-Table VMName, MacAddressSpoofing
(Get-VMNetworkAdapter -VMName web01).MacAddressSpoofing -eq 'Off'
