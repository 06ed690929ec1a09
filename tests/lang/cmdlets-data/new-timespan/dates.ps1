(New-TimeSpan -Start '2024-01-01' -End '2024-03-01').Days
(New-TimeSpan -Start '2024-03-01 12:00' -End '2024-03-01 10:30').TotalMinutes
"$(New-TimeSpan -Seconds 90)"
(New-TimeSpan -Days 1 -Milliseconds 5).TotalMilliseconds
(New-TimeSpan -Days 2 -Hours 3).ToString()
[pscustomobject]@{Start = [datetime]'2024-01-01'; End = [datetime]'2024-01-02'} | New-TimeSpan | ForEach-Object TotalHours
