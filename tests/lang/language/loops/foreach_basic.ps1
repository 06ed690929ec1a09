foreach ($i in 1..3) { "item $i" }
foreach ($c in "a","b") { $c }
foreach ($x in @()) { "never" }
foreach ($n in $null) { "never null" }
"end"
