# Several piped objects become one JSON array
1, 2, 3 | ConvertTo-Json
[pscustomobject]@{a = 1}, [pscustomobject]@{a = 2} | ConvertTo-Json
