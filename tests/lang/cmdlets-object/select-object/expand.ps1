$o = [pscustomobject]@{ Name = 'nic'; IPs = '10.0.0.1', '10.0.0.2' }
$o | Select-Object -ExpandProperty IPs
$o | Select-Object -ExpandProperty Name
'abc', 'de' | Select-Object -ExpandProperty Length
