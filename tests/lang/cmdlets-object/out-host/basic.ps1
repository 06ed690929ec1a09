'a' | Out-Host
'b'
[pscustomobject]@{ n = 1 } | Out-Host
'c'
