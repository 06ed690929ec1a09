foreach ($i in 1..3) {
    trap { "trap $i"; continue }
    if ($i -eq 2) { throw "x" }
    "body $i"
}
