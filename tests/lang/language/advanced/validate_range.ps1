function r { param([ValidateRange(1,10)][int]$N) "n=$N" }
r 5
try { r 11 } catch { "rejected" }
