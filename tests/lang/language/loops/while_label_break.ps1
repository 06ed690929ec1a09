$n = 0
:loop while ($true) {
    $n++
    switch ($n) { 3 { break loop } }
}
$n
