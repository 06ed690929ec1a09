$a = 1,2,3
$a[1] = "two"
$a -join ","
$a[-1] = 30
$a -join ","
