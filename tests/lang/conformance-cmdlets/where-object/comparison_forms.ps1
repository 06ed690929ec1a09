# Where-Object docs: the description examples and the comparison-parameter semantics
('hi', '', 'there') | Where-Object Length
('hi', '', 'there') | Where-Object Length -GT 0
('hi', '', 'there') | Where-Object { $_.Length -gt 0 }
"abc", "def" | Where-Object -Value "abc","x" -CIn -Property Length
$o = [pscustomobject]@{N='svchost';L=@('a','B')}, [pscustomobject]@{N='Svchost';L=@('b')}
$o | Where-Object N -CEQ 'svchost' | ForEach-Object N
$o | Where-Object L -CContains 'B' | ForEach-Object N
$o | Where-Object L -Contains 'b' | ForEach-Object N
$o | Where-Object -Value 'svchost' -In N | ForEach-Object N
$o | Where-Object N -Like 'S*' | ForEach-Object N
$o | Where-Object N -CLike 's*' | ForEach-Object N
$o | Where-Object N -Match '^S' | ForEach-Object N
$o | Where-Object -Not Missing | ForEach-Object N
1, 'a', 2.5 | Where-Object { $_ } -ErrorAction Stop | Where-Object -Property Length -Is -Value ([int]) 
'x' | Where-Object Length -Is ([int])
1..10 | Where-Object { $_ % 3 -eq 0 }
