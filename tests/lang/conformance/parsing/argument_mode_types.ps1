function a { $args | ForEach-Object { "[$_] " + $_.GetType().Name } }
a 2
a -2
a 0x10
a 1kb
a abc
a "a b"
a a,b
a $true
a 'x'y
a x"y z"
a "$(1+1)x"
a (1+1)
a 1+1
a `$x
a 1.2.3
a .5
a 1e2
