try { throw "oops" } catch { "caught: $($_.Exception.Message)" }
try { "no error" } catch { "not here" }
