'a', 'bb', 'ccc', 'dd', 'e', 'f' | Format-Wide -AutoSize -Force | Out-String -Width 12
