function Get-Thing {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Name,
        [int]$Count = 1
    )
    "$Name x $Count"
}
Get-Thing -Name a
Get-Thing b 3
