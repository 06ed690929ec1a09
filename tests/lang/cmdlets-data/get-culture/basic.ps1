(Get-Culture).Name
(Get-UICulture).Name
(Get-Culture).DisplayName
Get-Culture
