$l = [System.Collections.Generic.List[string]]::new()
$l.Add("x")
$l.Add("y")
$l.Count
$l[1]
