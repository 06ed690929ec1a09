function v { param([ValidateSet("a","b")][string]$P) "got $P" }
v a
v B
try { v c } catch { $_.FullyQualifiedErrorId }
