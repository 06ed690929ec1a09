try { ./no-such-program-here } catch { $_.FullyQualifiedErrorId }
