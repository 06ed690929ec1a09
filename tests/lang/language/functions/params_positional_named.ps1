function add($a, $b) { $a + $b }
add 2 3
add -a 1 -b 4
add -b 1 2
add -B 10 -A 5
