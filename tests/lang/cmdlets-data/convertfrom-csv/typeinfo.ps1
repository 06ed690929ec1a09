$o = '#TYPE My.Type', 'A', '1' | ConvertFrom-Csv
$o.A
$o.PSObject.TypeNames[0]
$o.PSObject.TypeNames[1]
