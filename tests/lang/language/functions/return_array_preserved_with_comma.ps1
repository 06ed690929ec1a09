function pair { ,@("a", "b") }
$p = pair
$p.Count
$p.GetType().Name
