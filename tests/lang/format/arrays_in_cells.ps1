[pscustomobject]@{ Few = 1, 2; Many = 1..6; Empty = @(); Nested = @(1, @(2, 3)) }
