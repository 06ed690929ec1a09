$cfg = @{ Net = @{ Name = "vnet"; Cidr = "10.0.0.0/24" }; Vms = @("a", "b") }
$cfg.Net.Name
$cfg["Net"]["Cidr"]
$cfg.Vms[1]
$cfg.Net.Extra = 5
$cfg.Net.Extra
