function inner3 { param($a, $b) "a=$a b=$b" }
function outer4 {
    param($a, $b)
    $PSBoundParameters['b'] = "changed"
    inner3 @PSBoundParameters
}
outer4 -a 1 -b 2
