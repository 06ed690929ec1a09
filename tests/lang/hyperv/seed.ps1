# The Hyper-V commands of the seed document (nested virtualization), verbatim, with
# <VMName> filled in, on the demo fixture.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/demo.xml"
$VMName = 'NestedHost'
# 2. while the VM is off
Set-VMProcessor -VMName NestedHost -ExposeVirtualizationExtensions $true
(Get-VMProcessor -VMName $VMName).ExposeVirtualizationExtensions
# dynamic memory does not fluctuate for a VM that runs Hyper-V: turn it off with nesting
Set-VMMemory -VMName NestedHost -DynamicMemoryEnabled $false -StartupBytes 4GB
# 3. start the VM
Start-VM -Name NestedHost
# memory and processor cannot change now
Set-VMMemory -VMName NestedHost -StartupBytes 6GB -ErrorAction SilentlyContinue -ErrorVariable memErr
$memErr[0].Exception.Message.Split("`n")[0]
Set-VMProcessor -VMName NestedHost -ExposeVirtualizationExtensions $false -ErrorAction SilentlyContinue -ErrorVariable cpuErr
$cpuErr[0].FullyQualifiedErrorId
# MAC address spoofing
Get-VMNetworkAdapter -VMName NestedHost | Set-VMNetworkAdapter -MacAddressSpoofing On
Get-VMNetworkAdapter -VMName NestedHost | Format-Table VMName, Name, MacAddress, MacAddressSpoofing
# NAT: the switch
new-vmswitch -name VmNAT -SwitchType Internal
Get-VMNetworkAdapter -VMName NestedHost | Connect-VMNetworkAdapter -SwitchName VmNAT
Get-VMNetworkAdapter -VMName NestedHost | Format-Table VMName, SwitchName, Connected
# disabling nested virtualization on the stopped VM
Stop-VM -Name NestedHost -TurnOff
Set-VMProcessor -VMName NestedHost -ExposeVirtualizationExtensions $false
(Get-VMProcessor -VMName NestedHost).ExposeVirtualizationExtensions
