$r = "x" -as [int]
$null -eq $r
"12" -as [double]
$d = "2021-03-04" -as [datetime]
$d.Month
