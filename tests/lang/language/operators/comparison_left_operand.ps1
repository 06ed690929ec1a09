"1" -eq 1.0
1 -eq "1"
"abc" -gt "abd"
@() -eq 1
$null -eq $null
