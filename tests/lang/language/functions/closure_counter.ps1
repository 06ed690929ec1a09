function New-Counter {
    $count = 0
    { $script:calls++; $count++; $count }.GetNewClosure()
}
$c1 = New-Counter
& $c1
& $c1
