$sum = 0
foreach ($i in 1..200000) { $sum += $i }
$sum
1..1e9 | Select-Object -First 2
