# Measure-Object docs example 7
"One", "Two`nThree" | Measure-Object -Line
