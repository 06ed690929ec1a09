$r = switch (9) { 1 {"one"} }
$null -eq $r
