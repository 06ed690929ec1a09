$m = 1, 2, 3, 4 | Measure-Object -AllStats
$m.Count
$m.Sum
$m.Average
$m.Maximum
$m.Minimum
[math]::Round($m.StandardDeviation, 6)
('b', 'a', 'c' | Measure-Object -Maximum -Minimum).Maximum
('b', 'a', 'c' | Measure-Object -Maximum -Minimum).Minimum
(@() | Measure-Object).Count
