# ConvertFrom-Json -AsHashtable returns OrderedHashtable (pwsh 7.3+): a Hashtable, not an OrderedDictionary
$h = '{"a":1,"b":{"c":"x"},"A":2}' | ConvertFrom-Json -AsHashtable
$h.GetType().FullName
$h.b.GetType().Name
$h -is [hashtable]
$h -is [System.Collections.Specialized.OrderedDictionary]
$h.Keys -join ','
$h.a + $h.A
$h.b.c
