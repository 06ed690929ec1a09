$r = 'a', 'b', 'c', 'd', 'e' | Select-String 'c' -Context 1, 2
"$r"
$r.Context.PreContext
'--'
$r.Context.PostContext
'--'
# overlapping context: each line is shown once; logical context still sees the other match
$m = 'a', 'm1', 'm2', 'b' | Select-String 'm' -Context 1
$m | ForEach-Object { "$_" }
$m[0].Context.PostContext
$m[1].Context.DisplayPreContext.Count
