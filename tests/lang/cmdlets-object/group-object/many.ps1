$g = 1..7 | Group-Object { $_ % 2 }
$g | Format-Table -AutoSize
