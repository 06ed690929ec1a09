# pwsh 7 defines help as a function (paging Get-Help), not an alias
(Get-Command help).CommandType
@(Get-Alias | Where-Object Name -eq 'help').Count
(Get-Command Get-Help).CommandType
