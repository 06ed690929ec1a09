1..10 | Select-Object -First 3
'--'
1..10 | Select-Object -Last 2
'--'
1..10 | Select-Object -Skip 7
'--'
1..10 | Select-Object -Skip 2 -First 2
'--'
1..10 | Select-Object -SkipLast 8
'--'
1..10 | Select-Object -Index 0, 4, 9
'--'
1..5 | Select-Object -Last 2 -Skip 1
'--'
1..3 | Select-Object -First 0
'--'
1..5 | Select-Object -SkipIndex 1, 3
