$x = 10
$x += 5; $x
$x -= 3; $x
$x *= 2; $x
$x /= 4; $x
$x %= 4; $x
$s = "ab"; $s += "cd"; $s
$arr = 1,2; $arr += 3; $arr.Count
