foreach ($i in 1..3) { 1..3 | ForEach-Object { if ($_ -eq 2) { continue }; "$i-$_" } }
$r = foreach ($i in 1..2) { 1..5 | Where-Object { if ($_ -gt 3) { break }; $true } }
$r -join ","
