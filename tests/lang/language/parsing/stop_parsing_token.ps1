function show { $args -join "|" }
show --% a $b "c d"
