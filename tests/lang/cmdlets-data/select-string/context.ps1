$r = 'a', 'b', 'c', 'd', 'e' | Select-String 'c' -Context 1, 2
"$r"
$r.Context.PreContext
'--'
$r.Context.PostContext
