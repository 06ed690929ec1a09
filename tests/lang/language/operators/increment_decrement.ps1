$i = 5
$i++
$i
++$i
$i
$j = $i++
$j
$i
$i--
$i
