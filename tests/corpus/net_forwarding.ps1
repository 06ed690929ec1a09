# Turning the host into a router between two lab segments: per-interface forwarding and MTU.
$ErrorActionPreference = 'Stop'
$lab = 'Ethernet'
Set-NetIPInterface -InterfaceAlias $lab -Forwarding Disabled   # start from a known state
Get-NetIPInterface -InterfaceAlias $lab -AddressFamily IPv4 | Select-Object -ExpandProperty Forwarding
Set-NetIPInterface -InterfaceAlias $lab -AddressFamily IPv4 -Forwarding Enabled
(Get-NetIPInterface -InterfaceAlias $lab -AddressFamily IPv4).Forwarding
(Get-NetIPInterface -InterfaceAlias $lab -AddressFamily IPv6).Forwarding
# jumbo-free overlay: lower the MTU through the pipeline
Get-NetIPInterface -InterfaceAlias $lab -AddressFamily IPv4 | Set-NetIPInterface -NlMtuBytes 1400
Get-NetIPInterface -InterfaceAlias $lab | Sort-Object AddressFamily |
    Format-Table InterfaceAlias, AddressFamily, Forwarding, NlMtu -AutoSize
Set-NetIPInterface -InterfaceAlias $lab -Forwarding Disabled -PassThru |
    ForEach-Object { '{0} {1}' -f $_.AddressFamily, $_.Forwarding }
try {
    Set-NetIPInterface -InterfaceAlias 'No Such NIC' -Forwarding Enabled
} catch {
    $_.CategoryInfo.Category
}
