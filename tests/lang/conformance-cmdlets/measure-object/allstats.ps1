# Measure-Object docs example 8
1..5 | Measure-Object -AllStats
