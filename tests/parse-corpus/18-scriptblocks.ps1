$double = { param([int]$x) $x * 2 }
& $double 21
$double.Invoke(4)
. { $scoped = 'dot-sourced' }
$scoped

$adder = {
    param($a, $b = 1)
    begin { $total = 0 }
    process { $total += $_ + $a + $b }
    end { $total }
}
1..3 | & $adder 10

$make = [scriptblock]::Create('param($n) "n is $n"')
& $make 5

function Get-Counter {
    $count = 0
    return {
        $script:count++
        $script:count
    }.GetNewClosure()
}
$counter = Get-Counter
& $counter

$filters = @{
    Even = { $_ % 2 -eq 0 }
    Odd  = { $_ % 2 }
}
1..6 | Where-Object $filters.Even
$sorted = Get-ChildItem | Sort-Object { $_.LastWriteTime } -Descending
Invoke-Command -ScriptBlock { param($p) "got $p" } -ArgumentList 'x'
$sb = { "args: $args" }
& $sb 1 2 3
