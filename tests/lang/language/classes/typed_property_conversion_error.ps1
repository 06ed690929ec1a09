class T { [int]$N }
$t = [T]::new()
try { $t.N = "abc" } catch { "conversion failed" }
$t.N
