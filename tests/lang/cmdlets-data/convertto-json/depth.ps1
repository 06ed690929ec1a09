# Beyond -Depth, containers become their string form (and a warning is written)
@{a = @{b = @{c = @{d = 1}}}} | ConvertTo-Json -Compress -WarningAction SilentlyContinue
@{a = @{b = 1}} | ConvertTo-Json -Depth 1 -Compress
@{a = @{b = 1}} | ConvertTo-Json -Depth 0 -Compress -WarningAction SilentlyContinue
[pscustomobject]@{x = [pscustomobject]@{y = 1}} | ConvertTo-Json -Depth 0 -Compress -WarningAction SilentlyContinue
ConvertTo-Json -Depth 0 -InputObject @{a = 1, 2} -Compress -WarningAction SilentlyContinue
@{a = @{b = @{c = @{d = 1}}}} | ConvertTo-Json -Depth 3 -Compress
