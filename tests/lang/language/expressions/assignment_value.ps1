$a = ($b = 5) + 1
$a
$b
$c = $d = "same"
$c
$d
