('a', 'A', 'b' | Group-Object).Count
('a', 'A', 'b' | Group-Object -CaseSensitive).Count
('a', 'A', 'b' | Group-Object)[0].Group -join ','
$h = 'x', 'yy', 'zz' | Group-Object Length -AsHashTable
$h[2] -join ','
$h[1]
