$d = @(
    [pscustomobject]@{ Name = 'vm1'; State = 'Running' }
    [pscustomobject]@{ Name = 'vm2'; State = 'Off' }
    [pscustomobject]@{ Name = 'vm3'; State = 'Running' }
)
$g = $d | Group-Object State
$g.Count
$g[0].Name
$g[0].Count
$g[1].Name
$g[1].Group.Name -join ','
$h = $d | Group-Object State -AsHashTable -AsString
$h['Running'].Name -join ','
$h.Off.Name
($d | Group-Object State -NoElement | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ';'
(1..10 | Group-Object { $_ % 2 }).Name -join ','
