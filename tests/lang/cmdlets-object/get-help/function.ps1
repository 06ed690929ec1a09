function Get-Thing {
<#
.SYNOPSIS
Gets a thing.
.DESCRIPTION
Longer text.
#>
param([string]$Name)
}
function plain { param($a, [int]$b) }
Get-Help Get-Thing
Get-Help plain
