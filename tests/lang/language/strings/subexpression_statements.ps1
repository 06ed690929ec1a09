"Result: $(if ($true) { 'yes' } else { 'no' })"
"Sum: $( $t = 0; foreach ($i in 1..4) { $t += $i }; $t )"
"Nested: $("inner $(1+1)")"
