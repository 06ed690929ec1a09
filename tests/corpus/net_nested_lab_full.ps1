<#
.SYNOPSIS
    End-to-end nested lab: NAT switch on the host, nested Hyper-V hosts behind it.
.PARAMETER LabPrefix
    Prefix of every VM name.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidatePattern('^[A-Z]+$')][string]$LabPrefix = 'NEST',
    [ValidateRange(1, 4)][int]$HostCount = 2
)
$env:HVSH_URI = 'test:///default'
$ErrorActionPreference = 'Stop'
$Lab = @{
    Switch  = 'NestedNAT'
    Nat     = 'NestedNATNet'
    Subnet  = '172.31.0.0/24'
    Gateway = '172.31.0.1'
    Dns     = @('172.31.0.10')
}
$steps = [System.Collections.Generic.List[string]]::new()

function Step([string]$Text) {
    $steps.Add($Text)
    Write-Host ("[{0:D2}] {1}" -f $steps.Count, $Text)
}

Step "Switch $($Lab.Switch)"
New-VMSwitch -Name $Lab.Switch -SwitchType Internal | Out-Null
$ifAlias = "vEthernet ($($Lab.Switch))"
$prefixLength = [int]($Lab.Subnet -split '/')[1]

Step "Gateway $($Lab.Gateway)/$prefixLength on $ifAlias"
New-NetIPAddress -InterfaceAlias $ifAlias -IPAddress $Lab.Gateway -PrefixLength $prefixLength | Out-Null
Set-DnsClientServerAddress -InterfaceAlias $ifAlias -ServerAddresses $Lab.Dns

Step "NAT $($Lab.Nat) for $($Lab.Subnet)"
New-NetNat -Name $Lab.Nat -InternalIPInterfaceAddressPrefix $Lab.Subnet | Out-Null

$vmNames = 1..$HostCount | ForEach-Object { '{0}-HV{1:D2}' -f $LabPrefix, $_ }
foreach ($name in $vmNames) {
    Step "VM $name"
    New-VM -Name $name -MemoryStartupBytes 4GB -Generation 2 -SwitchName $Lab.Switch -NoVHD | Out-Null
    Set-VMProcessor -VMName $name -Count 2 -ExposeVirtualizationExtensions $true
    Set-VMMemory -VMName $name -DynamicMemoryEnabled $false
    Get-VMNetworkAdapter -VMName $name | Set-VMNetworkAdapter -MacAddressSpoofing On
}
if ($PSCmdlet.ShouldProcess('all lab VMs', 'Start')) {
    Step 'Start VMs'
    Get-VM -Name "$LabPrefix-*" | Start-VM
}

Write-Host ''
Write-Host 'Summary'
Write-Host ('-' * 40)
$adapter = Get-NetAdapter -Name $ifAlias
$ip = Get-NetIPAddress -InterfaceAlias $ifAlias -AddressFamily IPv4
$nat = Get-NetNat -Name $Lab.Nat
[pscustomobject]@{
    Switch    = (Get-VMSwitch -Name $Lab.Switch).SwitchType
    HostIf    = '{0} ({1})' -f $adapter.Name, $adapter.Status
    Gateway   = '{0}/{1}' -f $ip.IPAddress, $ip.PrefixLength
    Dns       = (Get-DnsClientServerAddress -InterfaceAlias $ifAlias -AddressFamily IPv4).ServerAddresses -join ','
    Nat       = '{0} {1}' -f $nat.Name, $nat.InternalIPInterfaceAddressPrefix
    VMs       = $vmNames.Count
} | Format-List
Get-VM -Name "$LabPrefix-*" | Sort-Object Name | ForEach-Object {
    $p = Get-VMProcessor -VMName $_.Name
    $n = Get-VMNetworkAdapter -VMName $_.Name
    '{0,-10} {1,-8} nested={2,-5} spoof={3} switch={4}' -f $_.Name, $_.State, $p.ExposeVirtualizationExtensions, $n.MacAddressSpoofing, $n.SwitchName
}
"$($steps.Count) steps"
