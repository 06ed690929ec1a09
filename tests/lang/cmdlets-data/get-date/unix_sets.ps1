Get-Date -UnixTimeSeconds 0 -AsUTC -Format 'yyyy-MM-dd'
Get-Date -UnixTime 86400 -AsUTC -UFormat '%Y-%m-%d %H:%M'
(Get-Date -UnixTimeSeconds 0 -AsUTC).Kind
(Get-Date -Date '2024-01-01 00:00:00' -AsUTC).Kind
