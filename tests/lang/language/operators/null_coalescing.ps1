$a = $null
$a ?? "default"
$b = 0
$b ?? "default"
$c = $null
$c ??= 5
$c
$c ??= 7
$c
