(1..10).Where({ $_ % 2 -eq 0 }) -join ","
(1..10).Where({ $_ -gt 3 }, 'First') -join ","
(1..10).Where({ $_ -gt 3 }, 'First', 2) -join ","
(1..10).Where({ $_ -gt 7 }, 'Last', 2) -join ","
$even, $odd = (1..6).Where({ $_ % 2 -eq 0 }, 'Split')
$odd -join ","
