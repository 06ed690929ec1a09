[int[]]$c = 1, 2
$c[0] = "5"
$c[0].GetType().Name
$c -join ","
try { $c[1] = "x" } catch { "caught" }
$c -join ","
$o = 1, 2
$o[0] = "s"
$o[0].GetType().Name
