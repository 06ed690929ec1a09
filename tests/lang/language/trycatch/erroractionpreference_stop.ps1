$ErrorActionPreference = 'Stop'
try { Write-Error "pref"; "not here" } catch { "caught: $_" }
