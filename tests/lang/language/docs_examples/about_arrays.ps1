$a = 0..9
$a[1]
$a[-3..-1] -join ","
$a[0,2+4..6] -join ","
$b = $a.Where({ $_ -gt 5 })
$b -join ","
$c = @(1..3).ForEach({ $_ * 10 })
$c -join ","
