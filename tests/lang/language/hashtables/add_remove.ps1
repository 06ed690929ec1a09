$h = @{}
$h.a = 1
$h["b"] = 2
$h.Add("c", 3)
$h.Count
$h.Remove("a")
$h.Count
$h.ContainsKey("a")
