$vd = 42
(Get-Item variable:vd).Value
Test-Path variable:vd
Test-Path variable:nonexistent_vd
