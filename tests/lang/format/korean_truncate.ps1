$o = [pscustomobject]@{ A = 'x' * 30; B = '가상머신가상머신' }
$o | Format-Table | Out-String -Width 37
$o | Format-Table | Out-String -Width 38
