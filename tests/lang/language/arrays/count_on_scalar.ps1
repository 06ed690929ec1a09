$x = 5
$x.Count
$n = $null
$n.Count
"abc".Count
