'x' | ConvertTo-Json -AsArray
5 | ConvertTo-Json -AsArray -Compress
