$i = 0
while ($i -lt 3) { $i++ }
$i
do { $i-- } while ($i -gt 0)
$i
$j = 5
do { $j++ } until ($j -ge 5)
$j
