# Sets up an internal switch with NAT, as in the nested virtualization article.
param(
    [string]$SwitchName = 'VmNAT',
    [string]$NatName = 'LocalNAT',
    [string]$Prefix = '192.168.100.0/24',
    [string]$Gateway = '192.168.100.1'
)

$ErrorActionPreference = 'Stop'

$switch = Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue
if ($null -eq $switch) {
    new-vmswitch -name $SwitchName -SwitchType Internal
} else {
    Write-Host "Switch $SwitchName exists ($($switch.SwitchType))."
}

if (-not (Get-NetNat -Name $NatName -ErrorAction SilentlyContinue)) {
    New-NetNat –Name $NatName –InternalIPInterfaceAddressPrefix $Prefix
}

$prefixLength = [int]($Prefix -split '/')[1]
$adapter = get-netadapter "vEthernet ($SwitchName)"
$existing = $adapter | Get-NetIPAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue |
    Where-Object { $_.IPAddress -eq $Gateway }

if (-not $existing) {
    $adapter | New-NetIPAddress -IPAddress $Gateway -AddressFamily IPv4 -PrefixLength $prefixLength
}

Get-NetNat | Format-Table Name, InternalIPInterfaceAddressPrefix -AutoSize
