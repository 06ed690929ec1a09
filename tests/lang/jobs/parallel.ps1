# ForEach-Object -Parallel: each input object runs in its own process with $_ set to it
# (results arrive in completion order, so they are sorted here); $using: copies the
# caller's variables in; -ThrottleLimit; -AsJob returns one job.
$factor = 10
1..6 | ForEach-Object -Parallel {$_ * $using:factor} | Sort-Object
'--- each object runs apart: variables do not carry over'
(1..3 | ForEach-Object -Parallel {$count++; $count}) -join ','
'--- the caller''s variables only through $using:'
$name = 'lab'
(1..2 | ForEach-Object -Parallel {"[$name][$using:name]"}) -join ','
'--- -ThrottleLimit'
(1..8 | ForEach-Object -ThrottleLimit 3 -Parallel {"item $_"} | Sort-Object) -join ','
'--- errors come back as errors'
$all = 1..3 | ForEach-Object -Parallel {if ($_ -eq 2) {Write-Error "bad $_"} else {$_}} 2>&1
($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | Sort-Object) -join ','
($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | ForEach-Object { "error: $_" }
'--- objects come back deserialized'
$o = 1 | ForEach-Object -Parallel {[pscustomobject]@{N = $_; Sq = $_ * $_}}
"$($o.N) $($o.Sq) $($o.PSObject.TypeNames[0])"
'--- no jobs are left behind'
@(Get-Job).Count
'--- -AsJob'
$pj = 1..3 | ForEach-Object -Parallel {"p$_"} -AsJob
$pj.PSJobTypeName
($pj | Receive-Job -Wait | Sort-Object) -join ','
$pj | Remove-Job
@(Get-Job).Count
