New-TimeSpan -Hours 1 -Minutes 25
