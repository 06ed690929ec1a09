filter Get-Even { if ($_ % 2 -eq 0) { $_ } }
(1..10 | Get-Even) -join ","
