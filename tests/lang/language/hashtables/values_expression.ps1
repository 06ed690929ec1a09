$h = @{ list = 1, 2, 3; sum = 1 + 2; cmd = Get-Date -Year 2020 -Month 1 -Day 2 }
$h.list.Count
$h.sum
$h.cmd.Year
