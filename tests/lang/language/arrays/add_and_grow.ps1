$a = @()
$a += 1
$a += 2,3
$a.Count
$a -join ","
$b = $a + 4
$b -join ","
$a.Count
