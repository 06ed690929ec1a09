$x = 1
function g { $script:x = 3 }
g
"after g: $x"
function hh { "h sees: $x" }
hh
