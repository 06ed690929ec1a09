[pscustomobject]@{ Name = 'one'; X = 1 }, [pscustomobject]@{ Name = 'two'; X = 2 } | Format-Wide
