# Parameter sets: resolution by the parameters given, default set as tie-break, conflicts.
function Get-Thing {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Position = 0, ParameterSetName = 'ByName')][string]$Name,
        [Parameter(Mandatory, ParameterSetName = 'ById')][int]$Id,
        [Parameter(Mandatory, ParameterSetName = 'ByPath')][string]$Path,
        [switch]$Detailed
    )
    "$($PSCmdlet.ParameterSetName) Name=$Name Id=$Id Path=$Path"
}
Get-Thing
Get-Thing web
Get-Thing -Id 4
Get-Thing -Path /tmp -Detailed
try { Get-Thing -Id 4 -Path /tmp } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Get-Thing -Name a -Id 1 } catch { $_.FullyQualifiedErrorId }
