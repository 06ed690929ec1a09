$r = "apple","banana","cherry" -match "an"
$r
$r.GetType().Name
