'one', 'three' | ForEach-Object -MemberName Length
'a', 'b' | ForEach-Object ToUpper
'a,b', 'c,d' | ForEach-Object Split ','
[pscustomobject]@{ Name = 'x' }, [pscustomobject]@{ Name = 'y' } | ForEach-Object Name
'abc' | ForEach-Object -MemberName Substring -ArgumentList 1
