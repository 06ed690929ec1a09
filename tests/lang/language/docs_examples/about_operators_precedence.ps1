2 + 3 * 4
(2 + 3) * 4
-not $true -or $true
5 -gt 3 -and 2 -lt 1
"a","b" -join "-" | ForEach-Object { $_.ToUpper() }
