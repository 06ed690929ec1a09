$a = 1..5
$a[-1..-5] -join ""
$a[($a.Count-1)..0] -join ""
