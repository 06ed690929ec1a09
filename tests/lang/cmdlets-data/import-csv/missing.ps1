Import-Csv -Path /nonexistent-hvsh/x.csv -ErrorAction SilentlyContinue
'after'
