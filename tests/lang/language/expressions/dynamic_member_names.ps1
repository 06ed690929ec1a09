$o = [pscustomobject]@{ Alpha = 1; Beta = 2 }
$p = "Beta"
$o.$p
$o."Alpha"
$m = "ToUpper"
"abc".$m()
