try {
    try { throw "a" } finally { "inner finally" }
} catch { "outer catch $_" } finally { "outer finally" }
