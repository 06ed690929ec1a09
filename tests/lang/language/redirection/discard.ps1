"visible"
"hidden" > $null
Write-Error "e" 2>$null
"after"
