$FormatEnumerationLimit = 2
[pscustomobject]@{ V = 1..5 }
