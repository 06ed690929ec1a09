$n = 15
$n -lt 10 ? "small" : $n -lt 20 ? "medium" : "large"
