"abc" -eq "abc", "def"
"abc", "def" -eq "abc"
$a = (1, 2) -eq 3; $a.GetType().Name; $a.Count
1 -eq "1.0"
"1.0" -eq 1
[DateTime]"2023-01-01" -lt "2023-02-01"
"a", "b" -contains "a", "b"
"a b" -in "a b", "c"
1, 2, 3 -contains "2"
"Hello" -replace "l", '$&$&'
"John Smith" -replace '(?<first>\w+) (?<last>\w+)', '${last}, ${first}'
"a.b" -replace "\.", "-"
"a.b" -replace [regex]::Escape("."), "-"
$Matches = $null; "abc", "bcd" -match "b" | Out-Null; $null -eq $Matches
[int] -eq [int32]
[string] -eq [System.String]
"A" -lt "a"
"a" -lt "A"
"a" -clt "A"
"Z" -gt "a"
1 -lt $null
$null -lt 1
@(1, $null) -ne $null
(1, 2, 3, 4) -ge 3
"10" -gt "9"
10 -gt "9"
"apple" -like "A*"
"apple" -clike "A*"
1 -in 1..3
"b" -notin "a", "c"
"abc" -match "(?i)ABC"
"abc" -cmatch "ABC"
[bool]("" -match "")
"x" -replace "", "-"
