function ConvertTo-SubnetMask {
    param([ValidateRange(0, 32)][int]$PrefixLength)
    $mask = [uint32]0
    for ($i = 0; $i -lt $PrefixLength; $i++) {
        $mask = $mask -bor ([uint32]1 -shl (31 - $i))
    }
    $bytes = [BitConverter]::GetBytes($mask)
    [array]::Reverse($bytes)
    ($bytes | ForEach-Object { $_.ToString() }) -join '.'
}

function Test-InSubnet {
    param([string]$Address, [string]$Cidr)
    $net, $len = $Cidr -split '/'
    $a = [ipaddress]::Parse($Address).GetAddressBytes()
    $n = [ipaddress]::Parse($net).GetAddressBytes()
    [array]::Reverse($a); [array]::Reverse($n)
    $ai = [BitConverter]::ToUInt32($a, 0)
    $ni = [BitConverter]::ToUInt32($n, 0)
    $m = [uint32]([math]::Pow(2, 32) - [math]::Pow(2, 32 - [int]$len))
    ($ai -band $m) -eq ($ni -band $m)
}

$plan = @(
    [pscustomobject]@{ Host = 'rt01'; IP = '192.168.100.1'; Prefix = 24; Gateway = $null }
    [pscustomobject]@{ Host = 'dc01'; IP = '192.168.100.10'; Prefix = 24; Gateway = '192.168.100.1' }
)

foreach ($entry in $plan) {
    $mask = ConvertTo-SubnetMask -PrefixLength $entry.Prefix
    $gw = $entry.Gateway ?? '(none)'
    '{0,-6} {1,-16} {2,-16} {3}' -f $entry.Host, $entry.IP, $mask, $gw
    if (-not (Test-InSubnet -Address $entry.IP -Cidr '192.168.100.0/24')) {
        Write-Warning "$($entry.Host) is outside the lab subnet"
    }
}

Get-NetAdapter -Name 'vEthernet (VmNat)' | Get-NetIPAddress -AddressFamily IPv4 |
    Select-Object InterfaceAlias, IPAddress, PrefixLength
Get-NetIPConfiguration | Where-Object { $null -ne $_.IPv4DefaultGateway }
Netsh interface ip add dnsserver "Ethernet" address=192.168.100.10 index=1
