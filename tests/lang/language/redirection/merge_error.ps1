$r = Write-Error "boom" 2>&1
$r.GetType().Name
"$r"
