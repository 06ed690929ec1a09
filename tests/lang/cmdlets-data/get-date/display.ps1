Get-Date -Date '2026-11-27 16:53:05'
