function inner2($x, $y) { "x=$x y=$y" }
function outer3($x, $y) { inner2 @PSBoundParameters }
outer3 -y 2 -x 1
