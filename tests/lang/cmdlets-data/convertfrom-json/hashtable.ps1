$h = '{"b":1,"a":2,"B":3}' | ConvertFrom-Json -AsHashtable
$h.Keys -join ','
$h['B']
$h.Count
