# CommandInfo.Parameters / ParameterSets / DefaultParameterSet / Verb / Noun, as scripts use
# them to feature-test a cmdlet before calling it.
$cmd = Get-Command New-VM
if ($cmd.Parameters.ContainsKey('MemoryStartupBytes')) { 'New-VM takes -MemoryStartupBytes' }
$cmd.Parameters.ContainsKey('NoSuchParameter')
'{0} / {1}' -f $cmd.Verb, $cmd.Noun
$cmd.Parameters.ContainsKey('WhatIf')
$gc = Get-Command Get-Content
$gc.Parameters['Path'].ParameterType
$gc.Parameters.Path.SwitchParameter
$gc.Parameters.Raw.SwitchParameter
$gc.Parameters.ErrorAction.ParameterSets.Keys
function Invoke-LabStep {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)][Alias('VMName')][string]$Name,
        [Parameter(ParameterSetName = 'ById')][int]$Id,
        [switch]$Force
    )
}
$f = Get-Command Invoke-LabStep
$f.DefaultParameterSet
$f.ParameterSets | ForEach-Object { '{0} default={1}' -f $_.Name, $_.IsDefault }
$f.Parameters.Name.Aliases
$f.Parameters.Id.ParameterSets.Keys
$f.Parameters.Force.ParameterSets.Keys
($f.Parameters.Keys | Select-Object -First 4) -join ','
$f.Parameters.Count
function Simple($a, $b) { }
(Get-Command Simple).Parameters.Keys -join ','
