$base = 10
function calc($x = $base * 2) { $x }
calc
calc 1
