function setg { $global:gv = "G" }
setg
$gv
function readg { $global:gv }
readg
