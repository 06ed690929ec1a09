1..20 | Group-Object -Property {$_ % 2}
