function gen { 1..4 }
function sq { process { $_ * $_ } }
function total { begin { $t = 0 } process { $t += $_ } end { $t } }
gen | sq | total
