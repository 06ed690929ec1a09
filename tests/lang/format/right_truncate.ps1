[pscustomobject]@{ A = 'x' * 30; N = 1234567890 } | Format-Table | Out-String -Width 36
