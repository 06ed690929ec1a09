foreach ($i in 1..3) {
    switch ($i) { 2 { "two"; break } default { "other $i" } }
    "after switch $i"
}
