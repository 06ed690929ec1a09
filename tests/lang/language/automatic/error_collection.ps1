$Error.Clear()
try { throw "one" } catch { }
try { throw "two" } catch { }
$Error.Count
$Error[0].Exception.Message
$Error[1].Exception.Message
