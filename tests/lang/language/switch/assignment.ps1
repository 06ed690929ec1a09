$r = switch (2) { 1 {"a"} 2 {"b"} }
$r
$many = switch (1..4) { {$_ % 2} { $_ } }
$many -join ","
