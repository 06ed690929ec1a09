function m($a, $b, $c) { "a=$a b=$b c=$c" }
$h = @{ b = "B" }
m @h -c "C" "A"
