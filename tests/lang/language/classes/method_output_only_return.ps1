class M {
    [int] F() { "ignored output"; return 7 }
    [void] V() { "also ignored" }
}
$m = [M]::new()
$m.F()
$r = $m.V()
$null -eq $r
