$o = [ordered]@{}
$o['zeta'] = 1
$o['alpha'] = 2
$o.mid = 3
$o[0]
$o[2]
$o['alpha']
$h = @{ 1 = 'one' }
$h[1]
