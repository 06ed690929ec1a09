$PSCommandPath.EndsWith("script_paths.ps1")
$PSScriptRoot -eq $PWD.Path
$MyInvocation.MyCommand.Name
