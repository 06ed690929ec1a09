function two($a, $b) { "a=$a b=$b" }
two (1 + 1) (2 * 3)
two "x y" z
two -a:5 -b:6
