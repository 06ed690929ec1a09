# Arrays and lists the way admin scripts build and slice them.
$servers = @('hv01', 'hv02', 'hv03', 'dc01', 'web01')
$servers.Count
$servers[0], $servers[-1] -join ' '
$servers[1..2] -join ','
$servers[-2..-1] -join ','
($servers | Where-Object { $_ -like 'hv*' }).Count
$servers -contains 'dc01'
'web01' -in $servers
$servers -notcontains 'sql01'
($servers -like 'hv*') -join ','
($servers -match '\d1$') -join ','
($servers -replace 'hv', 'HV-') -join ','
$servers -join ', '
$results = @()
foreach ($s in $servers) { $results += "$s.contoso.local" }
$results[2]
$list = [System.Collections.Generic.List[string]]::new()
$servers | ForEach-Object { $list.Add($_.ToUpper()) }
$list.Count
$list.Remove('DC01') | Out-Null
$list -join ','
$list.Contains('WEB01')
$list.IndexOf('HV03')
$al = [System.Collections.ArrayList]@()
[void]$al.Add('x')
$al.Add('y') | Out-Null
$al.AddRange(@('z', 'w'))
$al.Count
$al.Insert(0, 'first')
$al -join ''
$sorted = $servers | Sort-Object -Descending
$sorted -join ','
(3, 1, 2, 3, 1 | Sort-Object -Unique) -join ','
(3, 1, 2, 3, 1 | Select-Object -Unique) -join ','
$matrix = @(@(1, 2), @(3, 4))
$matrix[1][0]
$matrix.Count
$flat = $matrix | ForEach-Object { $_ }
$flat.Count
$single = @('only')
$single.GetType().Name
$empty = @()
$empty.Count
$null -eq $empty[0]
,@(1, 2) | ForEach-Object { "len=$($_.Count)" }
$nums = 1..10
($nums | Measure-Object -Sum -Average).Average
$nums[($nums.Count - 3)..($nums.Count - 1)] -join ','
$evens = $nums.Where({ $_ % 2 -eq 0 })
$evens -join ','
$nums.ForEach({ $_ * 10 })[-1]
$first, $second, $rest = $nums
"$first $second $($rest.Count)"
[array]::IndexOf($servers, 'dc01')
[array]::Reverse($servers)
$servers[0]
$typed = [int[]]('1', '2', '3')
($typed | ForEach-Object { $_.GetType().Name } | Select-Object -Unique)
$typed += 4
$typed.Count
$grid = foreach ($r in 1..2) { foreach ($c in 'a', 'b') { "$r$c" } }
$grid -join ' '
