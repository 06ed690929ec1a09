$obj = [pscustomobject]@{ a = 1; b = 'x' }
$obj.psobject.Properties['a'].Value
$obj.PSObject.Properties.Match('b').Name
$obj.psobject.Properties.Remove('b')
$obj.psobject.Properties.Name -join ','
$obj.psobject.Properties['a'].Value = 5
$obj.a
$obj.psobject.Properties.Add([psnoteproperty]::new('c', 3))
$obj.c
