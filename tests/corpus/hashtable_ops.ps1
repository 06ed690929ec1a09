# Hashtables and ordered dictionaries as lab configuration stores.
$defaults = @{ Memory = 1GB; CPU = 1; Generation = 2; Switch = 'Default Switch' }
$overrides = @{ DC01 = @{ Memory = 2GB; CPU = 2 }; SQL01 = @{ Memory = 8GB; CPU = 4; Switch = 'Backend' } }

function Merge-Config {
    param([hashtable]$Base, [hashtable]$Override)
    $result = $Base.Clone()
    foreach ($key in $Override.Keys) { $result[$key] = $Override[$key] }
    $result
}

foreach ($name in 'DC01', 'SQL01', 'WEB01') {
    $o = if ($overrides.ContainsKey($name)) { $overrides[$name] } else { @{} }
    $c = Merge-Config -Base $defaults -Override $o
    '{0,-6} mem={1,2}GB cpu={2} gen={3} switch={4}' -f $name, ($c.Memory / 1GB), $c.CPU, $c.Generation, $c.Switch
}
$defaults.Count
$defaults.Keys | Sort-Object
$defaults.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Key)=$($_.Value)" }

$ordered = [ordered]@{}
$ordered['zeta'] = 1
$ordered['alpha'] = 2
$ordered.mid = 3
$ordered.Keys -join ','
$ordered[0]
$ordered.Insert(0, 'first', 0)
$ordered.Keys -join ','
$ordered.Remove('alpha')
$ordered.Contains('alpha')
[pscustomobject]$ordered | Format-Table
$ordered | Format-Table -AutoSize

$counts = @{}
'vm1', 'vm2', 'vm1', 'vm3', 'vm1' | ForEach-Object { $counts[$_] += 1 }
$counts.GetEnumerator() | Sort-Object Value -Descending | Select-Object -First 1 | ForEach-Object { "$($_.Name) x$($_.Value)" }
$h = @{ a = 1 }
$h.b = @{ nested = 'yes' }
$h.b.nested
$h['missing'] -eq $null
$h.ContainsValue(1)
($h.Keys | Measure-Object).Count
$nested = @{ Level1 = @{ Level2 = @{ Value = 42 } } }
$nested.Level1.Level2.Value
$nested['Level1']['Level2']['Value'] + 1
$keys = @($defaults.Keys)
$keys.Count
$clone = $defaults
$clone.CPU = 99
$defaults.CPU
$splat = @{}
$splat += @{ Name = 'x' }
$splat.Name
try { $splat += @{ Name = 'y' } } catch { $_.Exception.Message }
