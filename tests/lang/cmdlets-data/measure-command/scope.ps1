# The expression runs in the caller's scope, once per input object with $_
Measure-Command { $x = 5 } | Out-Null
$x
$n = 0
1..4 | Measure-Command { $n += $_ } | Out-Null
$n
