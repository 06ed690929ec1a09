$x = 1
$?
Write-Error "x" -ErrorAction SilentlyContinue
$?
"ok"
$?
