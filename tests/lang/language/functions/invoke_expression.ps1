$code = '$z = 6 * 7; "z is $z"'
Invoke-Expression $code
$z
iex '1..3 -join "+"'
