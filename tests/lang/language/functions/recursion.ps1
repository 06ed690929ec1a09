function fact($n) { if ($n -le 1) { 1 } else { $n * (fact ($n - 1)) } }
fact 5
fact 10
function fib($n) { if ($n -lt 2) { $n } else { (fib ($n-1)) + (fib ($n-2)) } }
fib 15
