1 -is [int]
"x" -is [string]
1 -isnot [string]
"42" -as [int]
$null -eq ("abc" -as [int])
(1,2) -is [array]
