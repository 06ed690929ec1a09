function outer { $v = "outer"; inner }
function inner { "inner sees $v" }
outer
$v = "top"
inner
