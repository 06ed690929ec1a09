$r = Measure-Command { 'hidden output'; 1..100 | ForEach-Object { $_ } }
$r.GetType().Name
$r.TotalSeconds -lt 5
'visible'
(1..3 | Measure-Command { $_ }).GetType().Name
