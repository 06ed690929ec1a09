# Get-Unique docs: adjacent duplicates only, -AsString, case-sensitive by default
$a = "a","b","b","c","a"
$a | Get-Unique
$a | Sort-Object | Get-Unique
1,"1",1.0 | Get-Unique -AsString
'x','X','X' | Get-Unique
1, 1, 2, 2, 3 | Get-Unique
