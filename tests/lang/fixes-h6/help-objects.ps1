function Get-Thing {
<#
.SYNOPSIS
Gets a thing.
.DESCRIPTION
The Get-Thing function gets a thing.
.PARAMETER Name
The name of the thing.
#>
    param([string]$Name, [int]$Count)
}
$h = Get-Help Get-Thing
$h.Description -is [array]
$h.Description.Count
$h.Description[0].Text
$h.Description.Text
$p = Get-Help Get-Thing -Parameter Name
$p -is [string]
$p.name
$p.required
$p.pipelineInput
$p.globbing
$p.description[0].Text
(Get-Help Get-Thing -Parameter *).Count
(Get-Help Get-Thing -Parameter C*).name
(Get-Help Select-Object -Parameter First).name
(Get-Help Select-Object -Parameter Last, First).name
Get-Help Get-Thing -Parameter Nope -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
$Error[0].Exception.Message
