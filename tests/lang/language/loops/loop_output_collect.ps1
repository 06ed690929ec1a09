$squares = foreach ($i in 1..4) { $i * $i }
$squares -join ","
$evens = for ($i = 0; $i -le 6; $i += 2) { $i }
$evens.Count
