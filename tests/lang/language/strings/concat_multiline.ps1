$parts = @()
foreach ($i in 1..3) { $parts += "p$i" }
$parts -join ";"
$s = ""
foreach ($c in 'a','b','c') { $s += $c }
$s
