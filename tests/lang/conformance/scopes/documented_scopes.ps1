$test = "Global"
function Show-Test { "inner: $test" }
function Set-Local { $test = "Local"; Show-Test }
Set-Local
$private:p = "Private"
function See-Private { "p=[$p]" }
See-Private
New-Variable -Name allsc -Value 1 -Option AllScope
function Change-All { $allsc = 2 }
Change-All; $allsc
function Set-Script { Set-Variable -Name ss -Value "script" -Scope Script }
Set-Script; $ss
function Nest { $x = 1; & { $x = 2; Get-Variable -Name x -Scope 1 -ValueOnly } }
Nest
function Glob { $global:g1 = "g"; }
Glob; $g1
$v = 'outer'
& { $v = 'child'; $v }
$v
. { $v = 'dot' }
$v
function Counter { $script:count++ }
$count = 0; Counter; Counter; $count
