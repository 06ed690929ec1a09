$o = [ordered]@{ z = 1; a = 2; m = 3 }
$o.Keys -join ","
$o.Values -join ","
$o["a"]
