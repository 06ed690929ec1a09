$r = & { "a"; return; "b" }
$r
