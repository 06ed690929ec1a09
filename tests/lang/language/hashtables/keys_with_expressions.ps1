$k = "dyn"
$h = @{ $k = 1; (1 + 1) = "two"; "quoted key" = 3 }
$h.dyn
$h[2]
$h."quoted key"
