function Set-Ref([ref]$r) { $r.Value = 42 }
$v = 1
Set-Ref ([ref]$v)
$v
$x = [ref]$v
$x.Value = 44
$v
function Add-One { param([ref]$n) $n.Value++ }
$c = 0
Add-One ([ref]$c); Add-One ([ref]$c)
$c
$r = [ref]5
$r.Value
$r.GetType().Name
