"  padded  ".Trim()
"xxabcxx".Trim("x")
"  left".TrimStart()
"a,b,c".Split(",").Count
[string]::Join("+", @("a","b"))
"abc".PadLeft(5) + "|"
"abc".PadRight(5, '.') + "|"
