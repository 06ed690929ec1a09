switch -Wildcard ("report.txt", "data.csv") { "*.txt" {"text: $_"} "*.csv" {"csv: $_"} }
