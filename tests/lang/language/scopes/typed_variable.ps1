[int]$n = "5"
$n.GetType().Name
$n = "7"
$n + 1
try { $n = "abc" } catch { "cannot convert" }
$n
