"Lastname:FirstName:Address" -split ":"
"Mercury,Venus,Earth" -split ",", 2
"a1b2c3" -split "(\d)" -join '|'
"a.b.c" -split ".", 0, "SimpleMatch"
"A-b-C" -split "B", 0, "IgnoreCase"
"A-b-C" -csplit "B"
"a,b,c,d" -split ",", -2
-split "red`tblue`ngreen"
-join ("a", "b", "c")
"1,2;3" -split "[,;]" -join '+'
"Hello" -replace "(?<first>H)", '${first}J'
"a1b22" -replace "\d+", { [int]$_.Value * 2 }
"book", "cook" -replace "oo", "ee"
"aaa" -replace "a", '$$'
"CamelCaseString" -csplit "(?=[A-Z])" -ne '' -join ' '
