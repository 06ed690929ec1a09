function f($a, $b) { "a=$a b=$b" }
$arr = 3, 4
f @arr
