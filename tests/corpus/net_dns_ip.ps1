# Static addressing and DNS for the host's "Ethernet" adapter from a config table.
$ErrorActionPreference = 'Stop'
$net = @{
    InterfaceAlias = 'Ethernet'
    IPAddress      = '10.20.30.40'
    PrefixLength   = 24
    DefaultGateway = '10.20.30.1'
    Dns            = '10.20.30.10', '10.20.30.11'
}

$adapter = Get-NetAdapter -Name $net.InterfaceAlias
Write-Host ("Configuring {0} (ifIndex {1}, status {2})" -f $adapter.Name, ($adapter.ifIndex -gt 0), $adapter.Status)

$ipParams = @{
    InterfaceAlias = $net.InterfaceAlias
    IPAddress      = $net.IPAddress
    PrefixLength   = $net.PrefixLength
    DefaultGateway = $net.DefaultGateway
    AddressFamily  = 'IPv4'
}
New-NetIPAddress @ipParams | Out-Null
Set-DnsClientServerAddress -InterfaceAlias $net.InterfaceAlias -ServerAddresses $net.Dns

$cfg = Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4
'{0}/{1} ({2})' -f $cfg.IPAddress, $cfg.PrefixLength, $cfg.PrefixOrigin
$route = Get-NetRoute -InterfaceAlias Ethernet -DestinationPrefix '0.0.0.0/0'
"Default route via $($route.NextHop)"
(Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4).ServerAddresses -join ', '

# duplicate address is rejected
try {
    New-NetIPAddress -InterfaceAlias Ethernet -IPAddress $net.IPAddress -PrefixLength 24
} catch {
    "Duplicate: $($_.Exception.Message)"
}

# move to a new address
# (as on Windows, the default route outlives the address and is removed on its own)
Remove-NetIPAddress -InterfaceAlias Ethernet -IPAddress $net.IPAddress -Confirm:$false
Get-NetRoute -InterfaceAlias Ethernet -DestinationPrefix '0.0.0.0/0' | ForEach-Object { "Route kept: via $($_.NextHop)" }
Remove-NetRoute -InterfaceAlias Ethernet -DestinationPrefix '0.0.0.0/0' -Confirm:$false
New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 10.20.31.5 -PrefixLength 25 | Out-Null
Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4 | ForEach-Object { "$($_.IPAddress)/$($_.PrefixLength)" }
@(Get-NetRoute -DestinationPrefix '0.0.0.0/0' -ErrorAction SilentlyContinue).Count
Set-DnsClientServerAddress -InterfaceAlias Ethernet -ResetServerAddresses
@((Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4).ServerAddresses).Count
