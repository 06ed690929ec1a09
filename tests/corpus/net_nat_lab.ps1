# Internal switch + host IP + NAT for a nested lab, idempotent, as in the classic
# "Set up a NAT network" guide.
[CmdletBinding()]
param(
    [string]$SwitchName = 'NATSwitch',
    [string]$NatName = 'LabNAT',
    [string]$Prefix = '192.168.200',
    [int]$PrefixLength = 24
)
$env:HVSH_URI = 'test:///default'
$ErrorActionPreference = 'Stop'
$gateway = "$Prefix.1"
$subnet = "$Prefix.0/$PrefixLength"

if (-not (Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue)) {
    Write-Host "Creating internal switch '$SwitchName'"
    $null = New-VMSwitch -Name $SwitchName -SwitchType Internal
} else {
    Write-Host "Switch '$SwitchName' already exists"
}
$alias = "vEthernet ($SwitchName)"
$adapter = Get-NetAdapter -Name $alias
"Adapter: $($adapter.Name)"

$existing = Get-NetIPAddress -InterfaceAlias $alias -AddressFamily IPv4 -ErrorAction SilentlyContinue |
    Where-Object IPAddress -eq $gateway
if (-not $existing) {
    $ip = New-NetIPAddress -IPAddress $gateway -PrefixLength $PrefixLength -InterfaceIndex $adapter.ifIndex
    "Assigned $($ip.IPAddress)/$($ip.PrefixLength) to $($ip.InterfaceAlias)"
}

if (Get-NetNat -Name $NatName -ErrorAction SilentlyContinue) {
    Write-Warning "NAT $NatName already exists"
} else {
    $nat = New-NetNat -Name $NatName -InternalIPInterfaceAddressPrefix $subnet
    "NAT {0} covers {1}" -f $nat.Name, $nat.InternalIPInterfaceAddressPrefix
}
# second run is a no-op
if (Get-NetNat -Name $NatName -ErrorAction SilentlyContinue) { Write-Warning "NAT $NatName already exists" }

Get-NetIPAddress -InterfaceAlias $alias -AddressFamily IPv4 |
    Select-Object InterfaceAlias, IPAddress, PrefixLength | Format-Table -AutoSize
Get-NetNat | Select-Object Name, InternalIPInterfaceAddressPrefix, Active | Format-List

try {
    New-NetNat -Name $NatName -InternalIPInterfaceAddressPrefix $subnet
} catch {
    "Second New-NetNat failed: $($_.CategoryInfo.Category)"
}
Remove-NetNat -Name $NatName -Confirm:$false
@(Get-NetNat).Count
