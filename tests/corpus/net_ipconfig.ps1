# Reading the host's IP configuration the way inventory scripts do:
# Get-NetIPConfiguration's IPv4Address / IPv4DefaultGateway / DNSServer members are objects.
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 172.20.1.5 -PrefixLength 24 -DefaultGateway 172.20.1.1 | Out-Null
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 172.20.2.5 -PrefixLength 24 | Out-Null
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ServerAddresses '172.20.1.53', '172.20.1.54'

$cfg = Get-NetIPConfiguration -InterfaceAlias Ethernet
$report = [pscustomobject]@{
    Interface = $cfg.InterfaceAlias
    Addresses = ($cfg.IPv4Address | ForEach-Object { "$($_.IPAddress)/$($_.PrefixLength)" }) -join ', '
    Gateway   = $cfg.IPv4DefaultGateway.NextHop
    Dns       = $cfg.DNSServer.ServerAddresses -join ', '
}
$report | Format-List
$cfg.IPv4Address[0].PSObject.TypeNames[0] -like '*MSFT_NetIPAddress'
$cfg.IPv4DefaultGateway.DestinationPrefix
$cfg.DNSServer.AddressFamily
# an interface without configuration
$peer = Get-NetIPConfiguration -InterfaceAlias peer0
$null -eq $peer.IPv4DefaultGateway
