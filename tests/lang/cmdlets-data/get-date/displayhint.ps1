Get-Date -Date '2026-11-27 16:53:05' -DisplayHint Date
Get-Date -Date '2026-11-27 16:53:05' -DisplayHint Time
(Get-Date -Date '2026-11-27 16:53:05' -DisplayHint Date).Hour
