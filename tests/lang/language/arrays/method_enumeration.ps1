("a", "b").ToUpper() -join ","
(" x ", " y").Trim() -join "|"
(1, 2).ToString()
try { @("x").NoSuchMethod() } catch { $_.FullyQualifiedErrorId }
