# hyperv-cmdlets.md §4.4/§5 Set-VMNetworkAdapter: the OnOffState settings read back as set
# (-Passthru and Get-VMNetworkAdapter), each independent of the others.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Set-VMNetworkAdapter -VMName web01 -DhcpGuard On -RouterGuard On -Passthru |
    Format-List DhcpGuard, RouterGuard, AllowTeaming, MacAddressSpoofing
Set-VMNetworkAdapter -VMName web01 -DhcpGuard Off -AllowTeaming on -IeeePriorityTag ON -DeviceNaming On
Get-VMNetworkAdapter -VMName web01 | Format-List DhcpGuard, RouterGuard, AllowTeaming, IeeePriorityTag, DeviceNaming
# the seed's pipeline leaves them alone
Get-VMNetworkAdapter -VMName web01 | Set-VMNetworkAdapter -MacAddressSpoofing On
$n = Get-VMNetworkAdapter -VMName web01
'{0} {1} {2}' -f $n.MacAddressSpoofing, $n.RouterGuard, $n.DhcpGuard
$n.RouterGuard -eq [Microsoft.HyperV.PowerShell.OnOffState]::On
