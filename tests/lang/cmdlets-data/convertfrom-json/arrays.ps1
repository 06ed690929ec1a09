'[1,2,3]' | ConvertFrom-Json | ForEach-Object { $_ * 2 }
'[1,2]' | ConvertFrom-Json -NoEnumerate | ForEach-Object { "item: $_" }
('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count
('{"a":{"b":[{"c":5}]}}' | ConvertFrom-Json).a.b[0].c
