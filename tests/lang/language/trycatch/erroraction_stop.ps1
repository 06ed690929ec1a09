try { Write-Error "nt" -ErrorAction Stop; "not here" } catch { "caught: $_" }
