1..4 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { "sum=$sum" }
1..2 | ForEach-Object { 'begin' } { "process $_" } { 'end' }
1..2 | ForEach-Object -Begin { 'B' } -Process { "A$_" }, { "Z$_" } -End { 'E' }
$sum
