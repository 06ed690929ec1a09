$MyInvocation.MyCommand.Name
$MyInvocation.MyCommand.Path -eq $PSCommandPath
(Split-Path -Leaf $MyInvocation.MyCommand.Definition)
