$h = @{ a = 1; b = 2 }
$h | ForEach-Object { "type: " + $_.GetType().Name }
