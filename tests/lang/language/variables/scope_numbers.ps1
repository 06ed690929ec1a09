$lvl = "global"
function inner { Get-Variable -Name lvl -Scope 1 -ValueOnly }
function outer { $lvl = "outer"; inner }
outer
