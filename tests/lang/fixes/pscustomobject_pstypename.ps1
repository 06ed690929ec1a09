# PSTypeName in a [pscustomobject] literal names the type; it is not a property
$o = [pscustomobject]@{ PSTypeName = 'Lab.Sizing'; Name = 'web'; Cores = 2 }
$o.PSObject.TypeNames
$o.PSObject.Properties.Name -join ','
$o | Format-Table
$h = @{ PSTypeName = 'Lab.Other'; Id = 1 }
([pscustomobject]$h).PSTypeNames[0]
