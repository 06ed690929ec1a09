$x = 1
function f { $x = 2; "in f: $x" }
f
"after: $x"
