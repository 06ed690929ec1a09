[int[]]$n = "1", "2", "3"
$n[0].GetType().Name
[string[]]$s = 1, 2
$s[1].GetType().Name
