$list = 1,2,3
foreach ($x in $list) { $list += $x }
$list.Count
