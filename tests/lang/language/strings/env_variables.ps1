$env:HVSH_TEST_VAR = "hello"
$env:HVSH_TEST_VAR
"in string: $env:HVSH_TEST_VAR"
$env:HVSH_TEST_VAR = $null
$null -eq $env:HVSH_TEST_VAR
