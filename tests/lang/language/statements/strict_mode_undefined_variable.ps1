Set-StrictMode -Version Latest
try { $undefinedVar; "no" } catch { "strict: $($_.FullyQualifiedErrorId)" }
