$n = 10
function inc { $n += 1; $n }
inc
$n
