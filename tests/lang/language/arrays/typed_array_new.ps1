$a = [int[]]::new(3)
$a -join ","
$s = [string[]]::new(2)
$s.Count
$null -eq $s[0]
