$a = 1,2,3
$a.Count
$b = @(1,2,3)
$b.Length
$c = @()
$c.Count
$d = ,5
$d.Count
$d[0]
$e = @(,@(1,2))
$e.Count
