# A script with its own param block, $PSBoundParameters, $PSScriptRoot and $MyInvocation.
[CmdletBinding()]
param(
    [string]$LabName = 'DefaultLab',
    [ValidateSet('Small', 'Large')]
    [string]$Size = 'Small',
    [switch]$DryRun
)
"Lab=$LabName Size=$Size DryRun=$DryRun"
"Bound: $($PSBoundParameters.Count)"
Split-Path -Leaf $PSCommandPath
(Split-Path -Leaf $PSScriptRoot)
$MyInvocation.MyCommand.Name
$scriptDir = Split-Path -Parent $MyInvocation.MyCommand.Path
$scriptDir -eq $PSScriptRoot
$child = Join-Path $PSScriptRoot 'script_params_child.ps1'
Set-Content -Path (Join-Path $PWD 'child.ps1') -Value @'
param([Parameter(Mandatory)][string]$Name, [int]$Count = 2)
"child: $Name x$Count"
foreach ($k in $PSBoundParameters.Keys | Sort-Object) { "  $k=$($PSBoundParameters[$k])" }
return 'done'
'@
& ./child.ps1 -Name alpha
$r = & (Join-Path $PWD 'child.ps1') beta 5
$r[-1]
./child.ps1 -Name gamma -Count 1 | Select-Object -First 1
$args.Count
Remove-Item ./child.ps1
