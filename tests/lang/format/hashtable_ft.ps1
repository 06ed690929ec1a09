[ordered]@{ a = 1; b = 'x' } | Format-Table
