$a = 1,2,3
$a
@($a).Count
$a | ForEach-Object { $_ * 10 }
