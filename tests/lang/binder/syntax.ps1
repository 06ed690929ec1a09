# Get-Command -Syntax: one line per parameter set in pwsh notation, default set first.
function Simple($a, $b) { }
function Get-Widget {
    [CmdletBinding(DefaultParameterSetName = 'ByName', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName')][string[]]$Name,
        [Parameter(Mandatory, ParameterSetName = 'ById')][int]$Id,
        [ValidateSet('Small', 'Large')][string]$Size,
        [Parameter(Position = 1)][long]$Count,
        [switch]$Force
    )
}
Get-Command Simple -Syntax
Get-Command Get-Widget -Syntax
Get-Command Remove-Variable -Syntax
