1,2,3,2 -eq 2
(1,2,3 -gt 1).Count
"a","b","c" -ne "b"
