$name = "x"
$a = @"
Hello $name
  indented
"@
$a
$b = @'
Literal $name
'@
$b
