try { throw [System.InvalidOperationException]::new("bad state") } catch [System.InvalidOperationException] { "caught: $($_.Exception.Message)" }
try { throw [System.IO.FileNotFoundException]::new("missing") } catch [System.IO.IOException] { "io base: $($_.Exception.GetType().Name)" }
try { throw [ArgumentNullException]::new("param1") } catch [ArgumentException] { $_.Exception.Message }
$e = [System.Exception]::new("plain")
$e.Message
$e -is [System.Exception]
