$o = [pscustomobject]@{ Name = 'vm1'; Notes = $null; Ips = 1, 2, 3, 4, 5 }
$o | Format-List
$o | Format-List -Property Name, @{ Label = 'Count'; Expression = { $_.Ips.Count } }
$o | Format-List N*
'end'
