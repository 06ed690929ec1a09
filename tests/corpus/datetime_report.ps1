# Patch-window and checkpoint-age calculations with fixed dates.
$now = Get-Date -Year 2024 -Month 3 -Day 15 -Hour 14 -Minute 30 -Second 0
$now.ToString('yyyy-MM-dd HH:mm')
$now.DayOfWeek
$checkpoints = @(
    [pscustomobject]@{ VM = 'DC01'; Name = 'Pre-patch'; Created = [datetime]'2024-03-01 09:00' }
    [pscustomobject]@{ VM = 'WEB01'; Name = 'Baseline'; Created = [datetime]'2024-02-10 18:45' }
    [pscustomobject]@{ VM = 'SQL01'; Name = 'Before upgrade'; Created = [datetime]'2024-03-14 23:15' }
)
$checkpoints | ForEach-Object {
    $age = $now - $_.Created
    [pscustomobject]@{ VM = $_.VM; Checkpoint = $_.Name; AgeDays = [math]::Floor($age.TotalDays); Stale = $age.TotalDays -gt 7 }
} | Sort-Object AgeDays -Descending | Format-Table -AutoSize

$span = New-TimeSpan -Start ([datetime]'2024-03-15 08:00') -End ([datetime]'2024-03-15 17:45')
'{0}h {1}m ({2} minutes)' -f $span.Hours, $span.Minutes, $span.TotalMinutes
$next = $now.Date.AddDays(1).AddHours(2)
"Next window: $($next.ToString('ddd yyyy-MM-dd HH:mm'))"
$window = 1..7 | ForEach-Object { $now.Date.AddDays($_) } | Where-Object { $_.DayOfWeek -eq 'Saturday' } | Select-Object -First 1
'First Saturday: {0:yyyy-MM-dd}' -f $window
$now.AddMonths(1).ToString('MMMM yyyy')
[datetime]::DaysInMonth(2024, 2)
([datetime]'2024-12-31').DayOfYear
$d1 = [datetime]'2024-01-01'
$d2 = [datetime]'2024-03-01'
($d2 - $d1).Days
$d1 -lt $d2
$ts = [timespan]::FromMinutes(135)
$ts.ToString()
'{0:hh\:mm}' -f $ts
[datetime]::ParseExact('15/03/2024', 'dd/MM/yyyy', $null).ToString('yyyy-MM-dd')
$stamp = $now.ToString('yyyyMMdd-HHmmss')
"backup-$stamp.zip"
$dates = '2024-03-02', '2023-12-25', '2024-01-15' | ForEach-Object { [datetime]$_ }
($dates | Sort-Object | ForEach-Object { $_.ToString('MM/dd') }) -join ' '
