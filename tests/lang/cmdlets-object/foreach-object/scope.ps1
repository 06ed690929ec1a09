$count = 0
1..5 | ForEach-Object { $count++ }
$count
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
