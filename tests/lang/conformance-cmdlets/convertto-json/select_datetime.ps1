# ConvertTo-Json docs example 4 with a fixed date: Get-Date | Select-Object -Property *
Get-Date -Date '2018-10-12 22:55:32' | Select-Object -Property * | ConvertTo-Json
