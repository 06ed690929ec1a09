'a.b', 'axb' | Select-String -SimpleMatch 'a.b' | ForEach-Object Line
'Hello', 'HELLO' | Select-String -Pattern 'HELLO' -CaseSensitive | ForEach-Object Line
'one', 'two', 'three' | Select-String -NotMatch 'o' | ForEach-Object Line
('a1b22c333' | Select-String '\d+' -AllMatches).Matches.Value -join ','
('a1b22c333' | Select-String '\d+').Matches.Count
'x', 'y' | Select-String -Pattern 'q', 'y' | ForEach-Object Pattern
'one', 'two' | Select-String 'o' -Raw
