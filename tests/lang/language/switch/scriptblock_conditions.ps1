$v = 15
switch ($v) {
    { $_ -lt 10 } { "small" }
    { $_ -ge 10 -and $_ -lt 20 } { "medium" }
    { $_ -ge 20 } { "large" }
}
