ConvertTo-Json ([datetime]'2024-03-05T06:07:08')
[pscustomobject]@{when = [datetime]'2024-03-05T06:07:08.5'} | ConvertTo-Json -Compress
