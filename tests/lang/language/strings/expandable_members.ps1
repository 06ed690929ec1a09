$p = [pscustomobject]@{ Name = "srv1"; Cpu = 4 }
"Name: $p.Name"
"Name: $($p.Name)"
$a = 1,2,3
"Array: $a"
"First: $($a[0])"
"Count: $($a.Count)"
