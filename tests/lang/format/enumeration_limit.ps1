$global:FormatEnumerationLimit = 2
[pscustomobject]@{ V = 1..5 }
$FormatEnumerationLimit = 1
[pscustomobject]@{ V = 1..5 } | Out-String
