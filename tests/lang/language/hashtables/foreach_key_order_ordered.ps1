$o = [ordered]@{}
$o["first"] = 1
$o["second"] = 2
$o.Insert(0, "zero", 0)
$o.Keys -join ","
