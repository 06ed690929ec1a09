$a = @{ x = 1 }
$b = $a
$b.x = 2
$a.x
$c = $a.Clone()
$c.x = 3
$a.x
