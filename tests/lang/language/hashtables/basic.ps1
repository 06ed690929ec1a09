$h = @{ Name = "srv"; Port = 80 }
$h.Name
$h["Port"]
$h.Count
$h.Missing
$null -eq $h.Missing
