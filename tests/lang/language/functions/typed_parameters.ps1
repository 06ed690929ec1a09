function t([int]$n) { $n.GetType().Name; $n + 1 }
t "41"
function u([string]$s) { $s.GetType().Name; "[$s]" }
u 42
u
