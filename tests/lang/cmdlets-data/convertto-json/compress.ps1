[pscustomobject]@{a = 1; b = 'x'; c = @(1, 2); d = @{}} | ConvertTo-Json -Compress
ConvertTo-Json -InputObject @(1, 2) -Compress
ConvertTo-Json -Compress -InputObject ([ordered]@{Account = "User01"; Domain = "Domain01"; Admin = "True"})
