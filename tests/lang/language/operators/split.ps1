"a,b,c" -split ","
"---"
"a b  c" -split "\s+"
"---"
-split "  one two  "
"---"
"a1b2c" -split '\d'
"---"
"a,b,c,d" -split ",", 2
