[pscustomobject]@{ n = 1 } | Out-Default
1, 2 | Out-Default
