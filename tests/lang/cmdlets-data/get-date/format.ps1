Get-Date -Date '2024-03-05 06:07:08' -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date '2024-03-05 06:07:08' -Format 'dddd, dd MMM yyyy h:mm tt'
Get-Date -Date '2024-03-05 06:07:08' -Format FileDate
Get-Date -Date '2024-03-05 06:07:08' -Format FileDateTime
'2021-12-31' | Get-Date -Format 'dddd MMMM d yyyy'
(Get-Date -Date '2024-03-05' -Format o).Substring(0, 19)
