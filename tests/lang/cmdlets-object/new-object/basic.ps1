$o = New-Object -TypeName PSObject -Property ([ordered]@{ Name = 'vm1'; Memory = 1024 })
$o.Name
$o.Memory
$h = New-Object System.Collections.Hashtable
$h['k'] = 'v'
$h.k
$l = New-Object System.Collections.ArrayList
[void]$l.Add('a')
[void]$l.Add('b')
$l.Count
try { New-Object Does.Not.Exist -ErrorAction Stop } catch { $_.Exception.Message }
