([int[]](1,2)).GetType().Name
[int[]]$a = 1,2
$a.GetType().Name
$a += 3
$a.GetType().Name
$a[2].GetType().Name
[string[]]$s = 1
$s.GetType().Name
@(1,2).GetType().Name
