'a', 'b', 'c' | Format-Wide -Column 2 -Force | Out-String -Width 20
[pscustomobject]@{ Name = 'n1'; Id = 5 }, [pscustomobject]@{ Name = 'n2'; Id = 6 } | Format-Wide -Property Id -Column 2 | Out-String -Width 20
