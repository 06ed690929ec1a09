$sb = { param($x) $x * 2 }
& $sb 5
$sb.Invoke(3)
$sb2 = { "args: $args" }
& $sb2 1 2
