1..5 -join ","
5..1 -join ","
(1..10).Count
-2..2 -join " "
$n = 3
(1..$n) -join "+"
