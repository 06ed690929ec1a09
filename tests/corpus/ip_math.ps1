# Subnet planning helpers: IP <-> integer, masks, host ranges.
function ConvertTo-IPInt {
    param([Parameter(Mandatory)][string]$IP)
    $o = $IP.Split('.') | ForEach-Object { [uint32]$_ }
    [uint32](($o[0] -shl 24) + ($o[1] -shl 16) + ($o[2] -shl 8) + $o[3])
}
function ConvertFrom-IPInt {
    param([Parameter(Mandatory)][uint32]$Value)
    (3..0 | ForEach-Object { ($Value -shr (8 * $_)) -band 255 }) -join '.'
}
function Get-SubnetInfo {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)][string]$Cidr)
    process {
        $ip, $len = $Cidr -split '/'
        $len = [int]$len
        $mask = if ($len -eq 0) { [uint32]0 } else { [uint32]([uint32]::MaxValue -shl (32 - $len) -band [uint32]::MaxValue) }
        $net = (ConvertTo-IPInt $ip) -band $mask
        $size = [math]::Pow(2, 32 - $len)
        $bcast = $net + $size - 1
        [pscustomobject]@{
            Cidr      = $Cidr
            Network   = ConvertFrom-IPInt $net
            Mask      = ConvertFrom-IPInt $mask
            FirstHost = ConvertFrom-IPInt ($net + 1)
            LastHost  = ConvertFrom-IPInt ($bcast - 1)
            Hosts     = $size - 2
        }
    }
}
ConvertTo-IPInt '192.168.100.1'
ConvertFrom-IPInt 3232261121
'192.168.100.77/24', '10.0.0.0/8', '172.16.5.130/26' | Get-SubnetInfo | Format-Table -AutoSize
$info = Get-SubnetInfo -Cidr '10.10.10.10/30'
"{0} - {1} ({2} hosts)" -f $info.FirstHost, $info.LastHost, $info.Hosts
# assign addresses to lab VMs from a pool
$base = ConvertTo-IPInt '192.168.100.10'
$vms = 'DC01', 'WEB01', 'SQL01'
for ($i = 0; $i -lt $vms.Count; $i++) {
    '{0,-6} {1}' -f $vms[$i], (ConvertFrom-IPInt ($base + $i))
}
$addr = [ipaddress]'192.168.100.1'
$addr.AddressFamily
$addr.GetAddressBytes() -join ','
[ipaddress]::TryParse('300.1.1.1', [ref]$null)
'10.0.0.5' -match '^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$'
$Matches[4]
[Convert]::ToString(255, 2)
[Convert]::ToInt32('ff', 16)
'0x{0:X8}' -f (ConvertTo-IPInt '255.255.255.0')
0xFF -bxor 0x0F
-bnot 0 -band 0xFF
