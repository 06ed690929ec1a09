try {
    try { throw "orig" } catch { $e = $_; throw $e }
} catch { $_.Exception.Message; $_.Exception.Message -eq $e.Exception.Message }
