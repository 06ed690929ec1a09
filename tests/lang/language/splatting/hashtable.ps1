function f($a, $b) { "a=$a b=$b" }
$h = @{ a = 1; b = 2 }
f @h
