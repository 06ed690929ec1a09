1..3 | ForEach-Object { "n=$_" }
1..5 | Where-Object { $_ % 2 } | ForEach-Object { $_ * 10 }
