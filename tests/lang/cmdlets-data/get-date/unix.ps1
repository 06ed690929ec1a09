Get-Date -UnixTimeSeconds 0 -AsUTC -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -UnixTimeSeconds 1700000000 -AsUTC -Format 'yyyy-MM-dd HH:mm:ss'
