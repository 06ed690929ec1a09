# *-Variable with -Scope: Global, Script, numeric scopes relative to the caller.
$outer = 'script level'
function Set-Things {
    Set-Variable -Name g1 -Value 5 -Scope Global
    Set-Variable -Name l1 -Value 6
    Set-Variable -Name outer -Value 'changed by number' -Scope 1
    "inside: l1=$l1 parent outer=$((Get-Variable -Name outer -Scope 1 -ValueOnly))"
}
Set-Things
"g1=$g1 l1=[$l1] outer=$outer"
New-Variable -Name fixed -Value 1 -Option Constant
try { Remove-Variable -Name fixed -Force -ErrorAction Stop } catch { $_.FullyQualifiedErrorId.Split(',')[0] }
Get-Variable -Name fixed, g1 | ForEach-Object { "$($_.Name)=$($_.Value) options=$($_.Options)" }
