$name = "World"
"Hello, $name!"
'Hello, $name!'
"Value: $(1 + 2)"
"Escaped: `$name"
"Tab:`tX"
