function f { $null.X(); "not reached" }
try { f } catch { "caught in caller" }
function g { $null.X(); "reached" }
g
