$Error.Count -ge 0
try { throw "recorded" } catch { }
$Error[0].Exception.Message
