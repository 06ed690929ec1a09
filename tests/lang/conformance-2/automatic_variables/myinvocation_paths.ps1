# about_Automatic_Variables: in a function, $MyInvocation.PSScriptRoot and
# .PSCommandPath name the script that called it; old scripts find their folder with
# Split-Path $MyInvocation.MyCommand.Path.
function Get-CallerInfo {
    $MyInvocation.PSScriptRoot -eq $PSScriptRoot
    $MyInvocation.PSCommandPath -eq $PSCommandPath
    Split-Path -Leaf $MyInvocation.ScriptName
}
Get-CallerInfo
(Split-Path -Parent $MyInvocation.MyCommand.Path) -eq $PSScriptRoot
$MyInvocation.MyCommand.Name
$MyInvocation.MyCommand.CommandType
