$m = @(@(1,2), @(3,4))
$m[1][0]
$m.Count
($m | ForEach-Object { $_.Count }) -join ","
