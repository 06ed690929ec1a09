$o = [pscustomobject]@{ Name = 'a-very-long-value-that-will-not-fit'; Other = 'abcdefghijklmnopqrstuvwxyz' }
$o | Format-Table | Out-String -Width 40
