<#
.SYNOPSIS
    Builds the nested-virtualization lab described in $LabConfig.
#>
[CmdletBinding()]
param(
    [string]$Prefix = 'LAB-',
    [switch]$SkipNetwork
)

$ErrorActionPreference = 'Stop'
$env:HVSH_URI = 'test:///default'

$LabConfig = @{
    SwitchName = 'LabSwitch'
    VMs        = @(
        @{ Name = 'DC01';  Memory = 2GB; CPU = 2; Nested = $false }
        @{ Name = 'HV01';  Memory = 4GB; CPU = 4; Nested = $true }
        @{ Name = 'HV02';  Memory = 4GB; CPU = 4; Nested = $true }
    )
}

if (-not $SkipNetwork) {
    if (-not (Get-VMSwitch -Name $LabConfig.SwitchName -ErrorAction SilentlyContinue)) {
        Write-Host "Creating switch $($LabConfig.SwitchName)..."
        New-VMSwitch -Name $LabConfig.SwitchName -SwitchType Internal | Out-Null
    }
}

$created = foreach ($vmDef in $LabConfig.VMs) {
    $vmName = "$Prefix$($vmDef.Name)"
    Write-Host "Creating $vmName ($($vmDef.CPU) vCPU, $($vmDef.Memory / 1GB) GB)"
    $vmParams = @{
        Name               = $vmName
        MemoryStartupBytes = $vmDef.Memory
        Generation         = 2
        SwitchName         = $LabConfig.SwitchName
    }
    $vm = New-VM @vmParams
    Set-VMProcessor -VMName $vmName -Count $vmDef.CPU
    if ($vmDef.Nested) {
        Set-VMProcessor -VMName $vmName -ExposeVirtualizationExtensions $true
        Set-VMMemory -VMName $vmName -DynamicMemoryEnabled $false
        Get-VMNetworkAdapter -VMName $vmName | Set-VMNetworkAdapter -MacAddressSpoofing On
    }
    $vm
}

Write-Host "Created $($created.Count) VMs"
Get-VM -Name "$Prefix*" | Sort-Object Name | ForEach-Object {
    $cpu = Get-VMProcessor -VMName $_.Name
    $nic = Get-VMNetworkAdapter -VMName $_.Name
    [pscustomobject]@{
        Name     = $_.Name
        CPUs     = $cpu.Count
        Nested   = $cpu.ExposeVirtualizationExtensions
        MemoryGB = $_.MemoryStartup / 1GB
        Spoofing = $nic.MacAddressSpoofing
        Switch   = $nic.SwitchName
    }
} | Format-Table -AutoSize
