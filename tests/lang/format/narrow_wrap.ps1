$o = [pscustomobject]@{ Name = 'short'; Desc = 'the quick brown fox jumps over the lazy dog' }
$o | Format-Table -Wrap | Out-String -Width 30
