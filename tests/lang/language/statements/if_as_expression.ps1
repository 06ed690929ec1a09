$r = if ($true) { "yes" } else { "no" }
$r
$s = if ($false) { "never" }
$null -eq $s
