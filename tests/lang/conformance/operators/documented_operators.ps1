1 + 1
"a" + 1
1 + "2"
"abc" * 3
,1 * 3 -join ','
@(1,2) + @(3)
10 / 4
7 % 3
-7 % 3
[int]7.5
[int]6.5
5 -band 3
5 -bor 3
5 -bxor 3
-bnot 5
1 -shl 3
-16 -shr 2
"abc" -eq "ABC"
"abc" -ceq "ABC"
1,2,3,2 -eq 2
1,2,3 -ne 2
1,2,3 -gt 1
"a","b" -contains "A"
"A" -in "a","b"
"hello" -like "h*"
"hello" -notlike "h?llo"
"hello" -match "l+"
$Matches[0]
"abc","xbc" -match "^a"
"a,b,c" -split ","
"a b  c" -split " "
-split " a b  c "
"a1b2c" -split "\d"
"a,b,c" -split ",", 2
"abc" -replace "b","X"
"abc" -replace "(a)(b)",'$2$1'
1,2,3 -join "-"
-join ("a","b")
$null -eq $null
$null -eq 0
0 -eq $null
"" -eq $null
@() -eq $null
(1,$null,2 -eq $null).Count
[bool]"false"
[bool]0
[bool]"0"
[bool]@()
[bool]@(0)
[bool]@(0,0)
1 -is [int]
"x" -isnot [string]
"5" -as [int]
"x" -as [int]
3 -lt "10"
"3" -lt 10
"b" -gt "a"
"10" -lt "9"
2 -eq "2.0"
"2.0" -eq 2
