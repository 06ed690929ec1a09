<#
.SYNOPSIS
    Creates a lab virtual machine with nested virtualization enabled.
.DESCRIPTION
    Builds a Generation 2 VM, attaches a dynamic VHDX, connects it to a switch and
    exposes the virtualization extensions so Hyper-V can run inside it.
.EXAMPLE
    .\01-new-labvm.ps1 -Name Lab01 -MemoryGB 4
#>
#Requires -Version 7.0
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [ValidatePattern('^[A-Za-z][A-Za-z0-9-]{0,14}$')]
    [string]$Name,

    [ValidateRange(1, 64)]
    [int]$MemoryGB = 4,

    [ValidateRange(1, 16)]
    [int]$ProcessorCount = 2,

    [string]$SwitchName = 'VmNAT',

    [string]$VhdRoot = (Join-Path $PSScriptRoot 'vhd'),

    [switch]$Start
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$vhdPath = Join-Path $VhdRoot "$Name.vhdx"

if (Get-VM -Name $Name -ErrorAction SilentlyContinue) {
    Write-Warning "VM '$Name' already exists; nothing to do."
    return
}

if (-not (Test-Path $VhdRoot)) {
    $null = New-Item -ItemType Directory -Path $VhdRoot -Force
}

if ($PSCmdlet.ShouldProcess($Name, 'Create virtual machine')) {
    New-VHD -Path $vhdPath -SizeBytes 60GB -Dynamic | Out-Null

    $vmParams = @{
        Name               = $Name
        Generation         = 2
        MemoryStartupBytes = $MemoryGB * 1GB
        VHDPath            = $vhdPath
        SwitchName         = $SwitchName
    }
    $vm = New-VM @vmParams

    Set-VMProcessor -VMName $Name -Count $ProcessorCount -ExposeVirtualizationExtensions $true
    Set-VMMemory -VMName $Name -DynamicMemoryEnabled $false
    Get-VMNetworkAdapter -VMName $Name | Set-VMNetworkAdapter -MacAddressSpoofing On

    Write-Verbose ("Created {0} with {1} GB and {2} vCPU" -f $vm.Name, $MemoryGB, $ProcessorCount)

    if ($Start) {
        Start-VM -Name $Name
        while ((Get-VM -Name $Name).State -ne 'Running') {
            Start-Sleep -Milliseconds 500
        }
    }
}

Get-VM -Name $Name | Select-Object Name, State, @{ Name = 'MemoryGB'; Expression = { $_.MemoryStartup / 1GB } }
