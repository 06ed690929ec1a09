function s([switch]$X, $Y) { "X=$X Y=$Y" }
$p = @{ X = $true; Y = 5 }
s @p
$q = @{ X = $false }
s @q
