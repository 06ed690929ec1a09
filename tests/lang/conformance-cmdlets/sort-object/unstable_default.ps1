# Sort-Object docs example 9: without -Stable, equal keys come out in .NET List.Sort order
1..20 |Sort-Object {$_ % 3}
'--'
1..20 |Sort-Object {$_ % 3} -Stable
