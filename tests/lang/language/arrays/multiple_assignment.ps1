$a, $b = 1, 2
"$a $b"
$first, $rest = 1, 2, 3, 4
$first
$rest -join ","
$x, $y = $y, $x
$p, $q, $r = "only"
$p
$null -eq $q
