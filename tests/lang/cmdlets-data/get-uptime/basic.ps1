(Get-Uptime).GetType().Name
(Get-Uptime).TotalSeconds -gt 0
(Get-Uptime -Since) -lt (Get-Date)
