$a = { param($p1, $p2) "p1: $p1"; "p2: $p2" }
& $a -p2 "First" -p1 "Second"
$a.Invoke("one", "two")
