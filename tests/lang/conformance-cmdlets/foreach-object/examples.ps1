# ForEach-Object docs examples 1, 5, 7-11 (parallel with -ThrottleLimit 1 for a fixed order)
30000, 56798, 12432 | ForEach-Object -Process {$_/1024}
1, 2, $null, 4 | ForEach-Object {"Hello"}
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" | ForEach-Object {$_.Split(".")}
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" | ForEach-Object -MemberName Split -ArgumentList "."
"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Host" | foreach Split "."
1..2 | ForEach-Object { 'begin' } { 'process' }
1..2 | ForEach-Object { 'begin' } { 'process A' }  { 'process B' } { 'end' }
1..2 | ForEach-Object -Begin $null -Process { 'one' }, { 'two' }, { 'three' } -End $null
$Message = "Output:"
1..8 | ForEach-Object -Parallel {
    "$Using:Message $_"
} -ThrottleLimit 1
