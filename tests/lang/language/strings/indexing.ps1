$s = "hello"
$s[0]
$s[-1]
$s[1..3] -join ""
$s[0].GetType().Name
