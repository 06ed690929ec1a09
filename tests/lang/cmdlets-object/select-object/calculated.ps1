$vms = @(
    [pscustomobject]@{ Name = 'vm1'; MemoryAssigned = 2GB }
    [pscustomobject]@{ Name = 'vm2'; MemoryAssigned = 512MB }
)
$vms | Select-Object Name, @{Name = 'MemoryMB'; Expression = { $_.MemoryAssigned / 1MB } }, @{ l = 'Upper'; e = { $_.Name.ToUpper() } }
