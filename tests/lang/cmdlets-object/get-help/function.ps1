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
$h = Get-Help Get-Thing
$h.Name
$h.Synopsis
$lines = ($h | Out-String) -split "`n"
$lines -contains '    Get-Thing [[-Name] <String>] [<CommonParameters>]'
$lines -contains 'DESCRIPTION'
$lines -contains '    Longer text.'
$p = (Get-Help plain | Out-String) -split "`n"
$p -contains '    plain [[-a] <Object>] [[-b] <int>]'
$p -contains 'SYNOPSIS'
