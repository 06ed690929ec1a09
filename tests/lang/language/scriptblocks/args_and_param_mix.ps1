$sb = { param($first) "first=$first rest=$($args -join ',')" }
& $sb 1 2 3
