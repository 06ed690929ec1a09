$o = @(
    [pscustomobject]@{ Name = 'a'; Tags = 'x', 'y' }
    [pscustomobject]@{ Name = 'b'; Tags = 'z' }
)
($o | Where-Object Tags -contains 'y').Name
($o | Where-Object Tags -notcontains 'y').Name
($o | Where-Object Tags -ccontains 'Y').Count
1, 'two', 3.5 | Where-Object { $_ -is [int] }
'x', 2 | Where-Object Length -eq 1
($o | Where-Object Name -is [string]).Count
($o | Where-Object Name -isnot [string]).Count
($o | Where-Object Name -clike 'A').Count
