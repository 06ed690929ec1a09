# The commands of the nested virtualization article, with the VM name filled in.
Set-VMProcessor -VMName LabHost -ExposeVirtualizationExtensions $true
Set-VMProcessor -VMName LabHost -ExposeVirtualizationExtensions $false
Get-VMNetworkAdapter -VMName LabHost | Set-VMNetworkAdapter -MacAddressSpoofing On
new-vmswitch -name VmNAT -SwitchType Internal
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
get-netadapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
Netsh interface ip add dnsserver “Ethernet” address=192.168.100.1
