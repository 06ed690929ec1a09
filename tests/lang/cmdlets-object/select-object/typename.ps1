$s = [pscustomobject]@{ a = 1 } | Select-Object a
$s.PSObject.TypeNames[0]
('x' | Select-Object Length).PSObject.TypeNames[0]
('x' | Select-Object Length).Length
