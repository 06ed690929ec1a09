$total = 0
1..4 | ForEach-Object { $total += $_ }
$total
