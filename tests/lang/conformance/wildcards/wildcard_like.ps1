"file[1].txt" -like "file[1].txt"
"file1.txt" -like "file[1].txt"
"file[1].txt" -like "file``[1``].txt"
"abc" -like "[a-c]bc"
"a*c" -like "a`*c"
"abc" -like "a?c"
"ac" -like "a?c"
[WildcardPattern]::Escape("a[b]*")
[WildcardPattern]::ContainsWildcardCharacters("ab")
[WildcardPattern]::ContainsWildcardCharacters("a*")
"a[b]" -like [WildcardPattern]::Escape("a[b]")
