$true -and $false
$true -or $false
-not $true
!$false
$true -xor $true
$true -xor $false
1 -and "x"
0 -or ""
