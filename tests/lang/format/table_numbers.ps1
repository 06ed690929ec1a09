[pscustomobject]@{ Name = 'x'; Value = 12345678 }
