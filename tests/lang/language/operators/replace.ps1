"hello world" -replace "o","0"
"Hello" -replace "l"
"John Smith" -replace '(\w+) (\w+)','$2, $1'
"abc" -creplace "B","x"
"abc" -replace "B","x"
"a1b22c333" -replace '\d+','#'
