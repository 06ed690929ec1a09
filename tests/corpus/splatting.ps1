# Splatting hashtables and arrays into functions and cmdlets.
function New-LabVM {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)][string]$Name,
        [int64]$Memory = 1GB,
        [int]$Generation = 2,
        [string]$Switch,
        [switch]$Start
    )
    $parts = @("Name=$Name", "Memory=$($Memory / 1MB)MB", "Gen=$Generation")
    if ($PSBoundParameters.ContainsKey('Switch')) { $parts += "Switch=$Switch" }
    if ($Start) { $parts += 'Start' }
    if ($PSCmdlet.ShouldProcess($Name, 'Create lab VM')) {
        $parts -join '; '
    }
}

$common = @{ Memory = 2GB; Switch = 'Internal' }
New-LabVM -Name 'A' @common
New-LabVM @common -Name 'B' -Start
$common.Generation = 1
$common.Remove('Switch')
New-LabVM @common -Name 'C'
$positional = @('D')
New-LabVM @positional
New-LabVM -Name 'E' -WhatIf

function Show-Args { param($First, $Second) "First=$First Second=$Second Rest=$($args -join '|')" }
$arr = 'one', 'two', 'three'
Show-Args @arr
$h = @{ Second = 'S' }
Show-Args @h 'F' 'extra'

# splatting into cmdlets
$selectParams = @{ Property = 'Name', 'Length'; First = 2 }
@('alpha', 'be', 'gamma') | ForEach-Object { [pscustomobject]@{ Name = $_; Length = $_.Length } } |
    Select-Object @selectParams | Format-Table -AutoSize
$joinParams = @{ Path = '/srv'; ChildPath = 'labs' }
Join-Path @joinParams
$fmt = @{ InputObject = 'x'; }
Write-Output @fmt
# a splat built from $PSBoundParameters
function Invoke-Wrapper {
    [CmdletBinding()]
    param([string]$Name, [int64]$Memory, [switch]$Start)
    $PSBoundParameters.Remove('Start') | Out-Null
    New-LabVM @PSBoundParameters
}
Invoke-Wrapper -Name 'F' -Memory 512MB -Start
