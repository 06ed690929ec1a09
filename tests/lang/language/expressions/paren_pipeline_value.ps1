(1..5 | Where-Object { $_ -gt 3 }) -join ","
$(Get-Variable -Name PID -ValueOnly) -gt 0
@(1..3 | ForEach-Object { $_ }).Count
