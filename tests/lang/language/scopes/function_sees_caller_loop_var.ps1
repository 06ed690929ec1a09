function show-it { "sees $item" }
foreach ($item in "a","b") { show-it }
