try { Write-Error "nt" -ErrorAction SilentlyContinue; "continued" } catch { "caught" }
