param($Name = 'n', [switch]$Loud)
function Test-G {
  param($z)
  . ([scriptblock]::Create('function F1 { 1 }; "in block"'))
  "in g: " + ($PSBoundParameters.Keys -join ',') + " | " + $MyInvocation.MyCommand.Name
}
Test-G -z 1
Set-Content -Path "$PSScriptRoot/sub/dot_lib_tmp.ps1" -Value (Get-Content "$PSScriptRoot/sub/dot_lib.ps1.txt" -Raw)
function Test-H {
  param($y)
  . "$PSScriptRoot/sub/dot_lib_tmp.ps1"
  "in h: " + ($PSBoundParameters.Keys -join ',') + " | " + $MyInvocation.MyCommand.Name + " | " + (Split-Path -Leaf $PSCommandPath)
}
Test-H -y 2
Remove-Item "$PSScriptRoot/sub/dot_lib_tmp.ps1"
