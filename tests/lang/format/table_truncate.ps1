[pscustomobject]@{ A = 'x' * 70; B = 'y' * 70 }
