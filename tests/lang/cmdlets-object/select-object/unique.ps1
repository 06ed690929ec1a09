'a', 'b', 'c', 'a', 'A' | Select-Object -Unique
'--'
1, 2, 2, 3, 1 | Select-Object -Unique
'--'
'a', 'A', 'b' | Select-Object -Unique -CaseInsensitive
