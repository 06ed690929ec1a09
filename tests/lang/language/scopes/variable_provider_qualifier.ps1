$v1 = "abc"
$variable:v1
function fx { "fx" }
& ${function:fx}
