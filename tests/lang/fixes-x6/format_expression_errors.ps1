# Format-Table/Format-List: an error in a calculated property's script block is swallowed
# (empty cell); with -DisplayError the cell shows #ERR (Format-Table docs example 8)
$d = Get-Date -Date 2019-06-26
$d | Format-Table DayOfWeek, @{n='Quot'; e={ $_ / $null }} -DisplayError
$lines = ($d | Format-Table DayOfWeek, @{n='Quot'; e={ $_ / $null }} | Out-String) -split "`n"
$lines | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ }
'after'
$d | Format-List DayOfWeek, @{n='Quot'; e={ $_ / $null }} -DisplayError
