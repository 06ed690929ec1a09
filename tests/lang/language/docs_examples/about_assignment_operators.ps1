$a = 3
$a *= 4
$a
$b, $c = "one", "two"
"$b $c"
$x = $y = $z = 7
"$x$y$z"
$s = "A"
$s += "B"
$s
