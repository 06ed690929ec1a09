(1 -gt 2) ? "yes" : "no"
$x = 5
$x -gt 3 ? "big" : "small"
