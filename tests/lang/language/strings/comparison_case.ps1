"abc" -eq "ABC"
"abc" -ceq "abc"
"ABC".Equals("abc")
"apple" -lt "Banana"
