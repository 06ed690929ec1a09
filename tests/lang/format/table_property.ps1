$d = @(
    [pscustomobject]@{ Name = 'vm1'; Mem = 2048 }
    [pscustomobject]@{ Name = 'vm2'; Mem = 512 }
)
$d | Format-Table Name, @{ Label = 'Memory(M)'; Expression = { $_.Mem }; Width = 12 }, @{ n = 'Big'; e = { $_.Mem -gt 1000 }; Alignment = 'Left' }
