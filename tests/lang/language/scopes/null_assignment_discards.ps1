$null = 1 + 1
[void](2 + 2)
$out = @(& { $null = 5; [void]6 })
$out.Count
