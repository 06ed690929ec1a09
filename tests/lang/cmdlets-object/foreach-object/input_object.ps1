ForEach-Object -InputObject 1, 2, 3 -Process { $_.Count }
ForEach-Object -Process { "no input: [$_]" }
