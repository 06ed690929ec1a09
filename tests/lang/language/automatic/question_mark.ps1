$x = 1
$?
Write-Error "x" -ErrorAction SilentlyContinue
$?
"ok"
$?
$y = Write-Error "assigned" 2>$null
$?
$z = 5
$?
