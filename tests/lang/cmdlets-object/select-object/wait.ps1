$script:n = 0
1..5 | ForEach-Object { $script:n++; $_ } | Select-Object -First 2 -Wait
$script:n
