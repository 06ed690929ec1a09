function make($n) { { $n }.GetNewClosure() }
$c = make 5
& $c
$n = 99
& $c
$v = 1
$sb = { $v }
$v = 2
& $sb
