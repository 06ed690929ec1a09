$d = ('{"d":"2024-03-05T06:07:08"}' | ConvertFrom-Json).d
$d.GetType().Name
$d.Year
$d.Day
('{"s":"2024-03-05"}' | ConvertFrom-Json).s.GetType().Name
