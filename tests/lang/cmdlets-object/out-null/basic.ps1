1..3 | Out-Null
$x = 'a' | Out-Null
$null -eq $x
