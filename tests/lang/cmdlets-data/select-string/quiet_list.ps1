'x', 'y' | Select-String -Quiet 'y'
'x', 'y' | Select-String -Quiet 'z'
('a1', 'a2', 'a3' | Select-String 'a' -List | Measure-Object).Count
