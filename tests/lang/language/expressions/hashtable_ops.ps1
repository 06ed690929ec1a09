$h1 = @{ a = 1 }
$h2 = @{ b = 2 }
$h3 = $h1 + $h2
$h3.Count
($h3.Keys | Sort-Object) -join ","
try { $h1 + @{ a = 5 } } catch { "duplicate key error" }
