(1,2,3).ForEach({ $_ * 2 }) -join ","
("a","b").ForEach({ $_.ToUpper() }) -join ""
