(1..10 | Get-Random -Count 10 | Sort-Object) -join ','
(1..5 | Get-Random -Shuffle | Measure-Object -Sum).Sum
(1, 2 | Get-Random -Count 5 | Measure-Object).Count
$pick = Get-Random -InputObject 'red', 'green', 'blue'
$pick -in 'red', 'green', 'blue'
(Get-Random -InputObject 'x', 'y', 'z' -SetSeed 7) -eq (Get-Random -InputObject 'x', 'y', 'z' -SetSeed 7)
