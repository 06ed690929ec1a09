function arr { @(1,2,3) }
(arr).Count
$x = arr
$x.GetType().Name
function one { @(5) }
(one).GetType().Name
function none { }
$null -eq (none)
