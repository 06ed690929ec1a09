function target { param($p1, $p2) "p1=$p1 p2=$p2" }
function wrapper { target @args }
wrapper one two
wrapper -p2 named -p1 first
