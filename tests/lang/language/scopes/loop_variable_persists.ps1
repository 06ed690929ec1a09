foreach ($item in 1..3) { }
$item
for ($i = 0; $i -lt 2; $i++) { }
$i
