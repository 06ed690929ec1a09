function f { "count=$($args.Count)"; $args -join "," }
f 1 2 3
f
function g($first) { "first=$first rest=$($args -join '+')" }
g a b c
