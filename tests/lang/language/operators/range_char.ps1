'a'..'e' -join ""
[char]'x'..[char]'z' -join ","
