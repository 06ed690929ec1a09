[ordered]@{ a = 1; b = 'two' } | Format-List
