function sum { $t = 0; foreach ($i in $input) { $t += $i }; $t }
1..4 | sum
function cnt { @($input).Count }
"a","b","c" | cnt
