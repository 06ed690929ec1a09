3, 1, 2 | Sort-Object
'--'
'banana', 'Apple', 'cherry' | Sort-Object
'--'
3, 1, 2 | Sort-Object -Descending
'--'
'b', 'a', 'B', 'c', 'A' | Sort-Object -Unique
'--'
'b', 'a', 'B', 'A' | Sort-Object -CaseSensitive
'--'
10, 9, 100 | Sort-Object
'--'
5, 3, 9, 1 | Sort-Object -Top 2
'--'
5, 3, 9, 1 | Sort-Object -Bottom 2
