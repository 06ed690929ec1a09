$rows = [pscustomobject]@{Name = 'vm1'; Note = 'say "hi"'}, [pscustomobject]@{Name = 'vm,2'; Note = ''}
$rows | ConvertTo-Csv -UseQuotes AsNeeded
$rows | ConvertTo-Csv -UseQuotes Never
$rows | ConvertTo-Csv -QuoteFields Note
