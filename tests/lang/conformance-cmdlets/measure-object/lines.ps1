# Measure-Object docs example 7 (the counts, one object each)
("One`nTwo`nThree" | Measure-Object -Line).Lines
("One", "Two`nThree" | Measure-Object -Line).Lines
$m = "One, Two", "Three", "Four Five" | Measure-Object -Word -Line
"$($m.Lines) $($m.Words) [$($m.Characters)]"
