function Even { param([ValidateScript({ $_ % 2 -eq 0 })][int]$N) "even $N" }
Even 4
try { Even 3 } catch { "odd rejected" }
