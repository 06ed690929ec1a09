$o = [ordered]@{ one = 1; two = 2 }
foreach ($k in $o.Keys) { "$k=$($o[$k])" }
$o.GetEnumerator() | ForEach-Object { "$($_.Key):$($_.Value)" }
