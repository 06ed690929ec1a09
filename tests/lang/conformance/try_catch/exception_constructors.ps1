$e = [ArgumentNullException]::new("p")
$e.Message
$e.ParamName
[ArgumentException]::new("m", "p").Message
[InvalidOperationException]::new().Message
$x = [Exception]"plain"
$x.Message
$x.GetType().FullName
try { throw [System.Exception]::new("outer", [InvalidOperationException]::new("in")) } catch { $_.Exception.InnerException.Message }
try { throw [System.Collections.Generic.KeyNotFoundException]::new("k") } catch [System.SystemException] { "sys: $_" }
[System.IO.FileNotFoundException].BaseType.FullName
[System.ArgumentOutOfRangeException]::new("n", "too big").Message
