# The network half of the nested-virtualization doc, pasted verbatim (en dashes and curly
# quotes included), then checked.
$env:HVSH_URI = 'test:///default'
new-vmswitch -name VmNAT -SwitchType Internal | Out-Null
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24 | Out-Null
Get-NetIPAddress -InterfaceAlias 'vEthernet (VmNAT)' -AddressFamily IPv4 | Select-Object -ExpandProperty IPAddress
(Get-NetNat -Name LocalNAT).InternalIPInterfaceAddressPrefix
Get-NetNat | Format-Table Name, InternalIPInterfaceAddressPrefix, Active
