$count = 0
1..100 | ForEach-Object { $count++; $_ } | Select-Object -First 3
"processed: $count"
