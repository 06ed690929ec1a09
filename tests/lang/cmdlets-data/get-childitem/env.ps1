$env:HVSH_C2_B = '2'
$env:HVSH_C2_A = '1'
Get-ChildItem env:HVSH_C2_*
(Get-ChildItem Env: | Where-Object Name -eq 'HVSH_C2_A').Value
Get-ChildItem -Path env:HVSH_C2_A -Name
