$_ = "outer"
switch (1) { 1 { "inner $_" } }
