$null -eq 0
0 -eq $null
$null -eq ""
@($null, 1, $null) -eq $null | Measure-Object | ForEach-Object Count
$null -ne 5
