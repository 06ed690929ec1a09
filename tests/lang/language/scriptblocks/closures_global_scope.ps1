$blocks = foreach ($i in 1..3) { { $i }.GetNewClosure() }
$blocks | ForEach-Object { & $_ }
$mult = 3
$f = { param($x) $x * $mult }.GetNewClosure()
$mult = 100
& $f 2
$f.Invoke(5)
