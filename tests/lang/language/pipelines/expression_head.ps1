@(3,1,2) | Sort-Object
"a b c".Split(" ") | ForEach-Object { $_.ToUpper() }
