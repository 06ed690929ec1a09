try {
    try { throw "first" } catch { throw "second" }
} catch { "outer got: $_" }
