$o = [pscustomobject]@{ B = 1; A = 2 }
$o.B
($o.PSObject.Properties | ForEach-Object { $_.Name }) -join ","
$o.A = 5
$o.A
