$a = ,(1,2,3)
$a.Count
$a[0].Count
function f { return ,@(1,2) }
(f).Count
