class Vm { [string]$Name = "web"; [int]$Mem = 2 }
$v = [Vm]::new()
"VM $($v.Name) has $($v.Mem) GB"
