$k = 10
do { "ran $k" } until ($true)
