$o = '{"name":"vm1","cpu":2,"mem":1.5,"on":true,"tags":["a","b"],"n":null}' | ConvertFrom-Json
$o.name
$o.cpu.GetType().Name
$o.mem.GetType().Name
$o.on
$o.tags.Count
$null -eq $o.n
$o | ConvertTo-Json -Compress
