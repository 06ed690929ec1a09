$sb = { begin { "b" } process { "p$_" } end { "e" } }
1,2 | & $sb
