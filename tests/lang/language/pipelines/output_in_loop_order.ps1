foreach ($i in 1..2) { "loop $i"; 10 * $i }
