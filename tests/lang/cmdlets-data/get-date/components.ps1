Get-Date -Year 2020 -Month 2 -Day 29 -Hour 13 -Minute 5 -Second 9 -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date '2024-01-15 10:00:00' -Day 1 -Format 'yyyy-MM-dd HH:mm'
Get-Date -Date '2024-01-31' -Month 2 -Format 'yyyy-MM-dd'
Get-Date -Date '2024-04-10' -Day 31 -Format 'yyyy-MM-dd'
(Get-Date -Date '2024-03-05 06:07:08' -Millisecond 250).Millisecond
(Get-Date -Date '2024-03-05').DayOfWeek
(Get-Date -Date '2024-12-31').DayOfYear
(Get-Date -Date '2024-03-05 06:07:08').GetType().FullName
