function thrower { throw "from function" }
try { thrower; "no" } catch { "got: $($_.Exception.Message)" }
