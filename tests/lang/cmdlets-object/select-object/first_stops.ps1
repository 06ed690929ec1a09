$script:n = 0
1..1000000 | ForEach-Object { $script:n++; $_ } | Select-Object -First 2
$script:n
