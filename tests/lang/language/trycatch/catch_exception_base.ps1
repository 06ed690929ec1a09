try { $null.Method() } catch [System.Exception] { "base catches all" }
try { [int]"abc" } catch [Exception] { "short name" }
