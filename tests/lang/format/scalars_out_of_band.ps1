'a', 'b' | Format-Wide
1, 2 | Format-Table
'x' | Format-List
