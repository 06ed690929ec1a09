[pscustomobject]@{n = [pscustomobject]@{x = 1; y = @()}; e = @{}; l = @(@(1, 2), 'z')} | ConvertTo-Json
