'a;1', 'b;2' | ConvertFrom-Csv -Delimiter ';' -Header X, Y | ForEach-Object { $_.X + '=' + $_.Y }
'p,q', '1' | ConvertFrom-Csv | ForEach-Object { $null -eq $_.q }
