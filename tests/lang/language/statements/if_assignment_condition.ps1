if ($m = "abc" -match "b") { "matched: $m" }
if ($v = $null) { "no" } else { "null is false" }
