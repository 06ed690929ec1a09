"10" -lt 9
10 -lt "9"
"abc" -lt "abd"
