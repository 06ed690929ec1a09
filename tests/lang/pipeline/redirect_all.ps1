# *>&1 merges every stream into the output (records keep their types); 2>&1 the errors.
& { "o1"; Write-Warning "w1"; Write-Verbose "v1" -Verbose; Write-Information "i1" } *>&1 |
    ForEach-Object { $_.GetType().Name }
& { "o2"; Write-Error "e2" } 2>&1 | ForEach-Object { "$($_.GetType().Name): $_" }
& { Write-Warning "w3"; "o3" } 3>&1 | Measure-Object | ForEach-Object { "merged count: $($_.Count)" }
