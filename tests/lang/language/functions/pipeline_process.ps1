function double { process { $_ * 2 } }
1..3 | double
filter inc { $_ + 1 }
1,2 | inc
