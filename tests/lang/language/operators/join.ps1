1,2,3 -join "-"
-join ("a","b","c")
(1..5) -join ""
"a" -join ","
