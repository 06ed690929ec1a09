'a', 'bb', 'ccc', 'dd', 'e', 'f' | Format-Wide -AutoSize | Out-String -Width 12
