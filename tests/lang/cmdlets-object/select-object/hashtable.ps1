$h = @{ a = 1 }
$null -eq ($h | Select-Object a).a
($h | Select-Object Count).Count
@{ a = 1 }, @{ a = 2 } | ForEach-Object a
