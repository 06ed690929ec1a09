$n = 2
"line1
line2 $n"
