$name = 'World'
"Hello, $name!"
'Hello, $name!'
"Tab:`tNewline:`nBell:`a"
"Escaped dollar: `$name and backtick: ``"
"Doubled ""quotes"" inside"
'Doubled ''single'' quotes'
"Subexpression: $(1 + 2) and $($name.Length) and $(Get-Date -Format 'yyyy')"
"Member access stops at the name: $name.Length"
"Braced: ${name}s"
"Env: $env:HOME"
"Unicode: `u{2713} `u{1F600}"
"{0,-10}|{1,8:N2}|{2:X4}" -f 'left', 3.14159, 255
'a,b,,c' -split ','
'a,b,,c' -split ',', 0, 'RemoveEmptyEntries'
('x', 'y', 'z') -join ', '
-join ('a', 'b')
'Hello' -replace 'l', 'L'
'Hello' -creplace '^h', 'J'
'abc'.ToUpper().Substring(1, 2).PadLeft(5, '.')
[string]::Join('-', @('a', 'b'))
[string]::IsNullOrWhiteSpace('  ')
"a" * 3
"path" + [IO.Path]::DirectorySeparatorChar + "file"
$multi = "line1
line2"
$s = 'it''s'
“Curly double $name” + ‘curly single’
