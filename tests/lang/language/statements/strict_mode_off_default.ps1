$undefinedVar2
$null -eq $undefinedVar2
"ok"
