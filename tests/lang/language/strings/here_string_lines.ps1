$h = @"
one
two
three
"@
($h -split "`n").Count
$h.Length
