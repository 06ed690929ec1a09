try { throw [System.InvalidOperationException]::new("bad op") } catch [System.InvalidOperationException] { "caught: $($_.Exception.Message)" }
try { throw [System.ArgumentException]::new("bad arg") } catch [System.ArgumentException] { $_.Exception.GetType().FullName }
try { throw [System.IO.FileNotFoundException]::new("nf") } catch [System.IO.IOException] { "io: $($_.Exception.Message)" }
try { throw (New-Object System.ArgumentNullException "p") } catch [ArgumentException] { "base matched" }
