#Requires -Modules Hyper-V
<#
    Builds a three-VM lab from a definition table: a router with two NICs, a domain
    controller and a member server, all on an internal NAT network.
#>
[CmdletBinding()]
param(
    [string]$LabName = 'Contoso',
    [string]$ParentDisk = '/var/lib/lab/base.vhdx',
    [ipaddress]$NatGateway = '192.168.50.1',
    [int]$PrefixLength = 24
)

$ErrorActionPreference = 'Stop'
$labPath = Join-Path '/var/lib/lab' $LabName

$definitions = @(
    @{ Name = 'RT01'; Memory = 1GB; Cpu = 1; Nics = @('External', 'Internal') }
    @{ Name = 'DC01'; Memory = 2GB; Cpu = 2; Nics = @('Internal') }
    @{ Name = 'SRV01'; Memory = 4GB; Cpu = 4; Nics = @('Internal'); Nested = $true }
)

function New-DifferencingDisk([string]$Path, [string]$Parent) {
    if (Test-Path -LiteralPath $Path) {
        Write-Verbose "Disk $Path exists"
        return Get-VHD -Path $Path
    }
    New-VHD -Path $Path -ParentPath $Parent -Differencing
}

$internal = "$LabName-Internal"
if (-not (Get-VMSwitch -Name $internal -ErrorAction SilentlyContinue)) {
    New-VMSwitch -Name $internal -SwitchType Internal | Out-Null
    New-NetIPAddress -InterfaceAlias "vEthernet ($internal)" -IPAddress $NatGateway `
        -PrefixLength $PrefixLength | Out-Null
    $octets = $NatGateway.ToString().Split('.')
    $octets[3] = '0'
    New-NetNat -Name "$LabName-NAT" -InternalIPInterfaceAddressPrefix ("{0}/{1}" -f ($octets -join '.'), $PrefixLength)
}

foreach ($def in $definitions) {
    $vmName = "$LabName-$($def.Name)"
    $disk = New-DifferencingDisk -Path (Join-Path $labPath "$vmName.vhdx") -Parent $ParentDisk
    $vm = New-VM -Name $vmName -MemoryStartupBytes $def.Memory -Generation 2 -VHDPath $disk.Path -Path $labPath
    Set-VMProcessor -VM $vm -Count $def.Cpu
    Get-VMNetworkAdapter -VM $vm | Remove-VMNetworkAdapter
    foreach ($nic in $def.Nics) {
        $switchName = if ($nic -eq 'Internal') { $internal } else { 'Default Switch' }
        Add-VMNetworkAdapter -VM $vm -SwitchName $switchName -Name $nic
    }
    if ($def.ContainsKey('Nested') -and $def.Nested) {
        Set-VMProcessor -VMName $vmName -ExposeVirtualizationExtensions $true
        Get-VMNetworkAdapter -VMName $vmName | Set-VMNetworkAdapter -MacAddressSpoofing On
        Set-VMMemory -VMName $vmName -DynamicMemoryEnabled $false
    }
    Set-VM -VM $vm -Notes "lab:$LabName" -AutomaticCheckpointsEnabled $false
    Checkpoint-VM -VM $vm -SnapshotName "Baseline $(Get-Date -Format 'yyyyMMdd-HHmm')"
}

Get-VM -Name "$LabName-*" | Start-VM -Passthru | Format-Table Name, State, Uptime
