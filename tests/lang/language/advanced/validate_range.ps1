function vr { param([ValidateRange(1,10)][int]$N) "n=$N" }
vr 5
try { vr 11 } catch { "rejected" }
