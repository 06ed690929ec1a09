# Results come back deserialized: numbers, strings, booleans, dates and hashtables keep
# their types; other objects become property bags typed Deserialized.<type>.
$r = Start-Job {
    42
    'text'
    3.5
    $true
    [datetime]'2024-05-06 07:08:09'
    [long]5000000000
    @{Name = 'web01'; Cores = 4}
    [pscustomobject]@{Name = 'db01'; Memory = 2GB; Inner = [pscustomobject]@{A = 1}}
    ,@('x', 'y')
} | Receive-Job -Wait -AutoRemoveJob
$r.Count
$r[0..6] | ForEach-Object { $_.GetType().FullName }
$r[4].ToString('yyyy-MM-dd HH:mm:ss')
$r[6].Name
$r[6].Cores + 1
$o = $r[7]
$o.PSObject.TypeNames[0]
$o.Name
$o.Memory / 1GB
$o.Inner.GetType().FullName
$o.Inner
$r[8].Count
$r[8] -join ','
$r[8].GetType().FullName
