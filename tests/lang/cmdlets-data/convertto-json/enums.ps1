$day = (Get-Date -Date '2024-03-05').DayOfWeek
$day | ConvertTo-Json
ConvertTo-Json $day -EnumsAsStrings
[pscustomobject]@{Day = $day; N = 1} | ConvertTo-Json -Compress -EnumsAsStrings
[pscustomobject]@{Day = $day} | ConvertTo-Json -Compress
