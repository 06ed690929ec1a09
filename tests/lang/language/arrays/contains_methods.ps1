$a = 1,2,3
$a.Contains(2)
$a.IndexOf(3)
[array]::IndexOf($a, 2)
