function classify($n) {
    if ($n -lt 0) { "negative" }
    elseif ($n -eq 0) { "zero" }
    elseif ($n -lt 10) { "small" }
    else { "large" }
}
classify -5
classify 0
classify 3
classify 42
