(Get-Host).Name
(Get-Host).Version.Major -ge 7
(Get-Host).CurrentCulture
