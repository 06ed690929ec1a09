function Set-Ref([ref]$r) { $r.Value = "set by function" }
$v = "orig"
Set-Ref ([ref]$v)
$v
function Bump([ref]$n) { $n.Value++ }
$count = 10
Bump ([ref]$count)
$count
