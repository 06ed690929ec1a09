$env:HVSH_C2_TP = 'v'
Test-Path env:HVSH_C2_TP
Test-Path env:HVSH_C2_NOPE_XYZ
Test-Path Env:
Test-Path 'env:HVSH_C2_T*'
$x = 5
Test-Path variable:x
Test-Path variable:nope_zz_c2
function Get-C2Thing { 'thing' }
Test-Path function:Get-C2Thing
Test-Path function:nope_zz_c2
Test-Path alias:gci
Test-Path alias:nope_zz_c2
