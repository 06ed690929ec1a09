$x = 5
1..3 | ForEach-Object -Parallel { $_ * $using:x } | Sort-Object
