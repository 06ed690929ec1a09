1..3 | ForEach-Object { $_ * 2 }
'a', 'b' | % { $_.ToUpper() }
30000, 56798, 12432 | ForEach-Object -Process {$_/1024}
