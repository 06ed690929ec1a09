# $input is an enumerator: MoveNext()/Current/Reset(); foreach and pipelines over it still work
function Show-Each { while ($input.MoveNext()) { "got $($input.Current)" } }
7, 8 | Show-Each
function Show-Again { $null = $input.MoveNext(); $input.Reset(); $null = $input.MoveNext(); "first $($input.Current)" }
'a', 'b' | Show-Again
function Show-Loop { foreach ($x in $input) { "x$x" } }
1, 2 | Show-Loop
function Show-Pipe { $input | ForEach-Object { $_ * 10 } }
3, 4 | Show-Pipe
function Show-Empty { $input.MoveNext() }
@() | Show-Empty
