# *>&1 merges every stream into the output (records keep their types).
$all = & { "o1"; Write-Warning "w1"; Write-Verbose "v1" -Verbose; Write-Information "i1" } *>&1
"all: $($all.Count)"
$all | ForEach-Object { $_.GetType().Name }
$all = & { "o2"; Write-Error "e2" } 2>&1
"err merged: $($all.Count) $($all[1].GetType().Name)"
