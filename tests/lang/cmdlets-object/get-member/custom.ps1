[pscustomobject]@{ Name = 'vm1'; Count = 2 } | Get-Member
