$sb = { 1; 2 }
$r = $sb.Invoke()
$r.Count
$one = { 5 }.Invoke()
$one.Count
$one[0]
