# Measure-Object docs example 10: PowerShell 6+ measures hashtable keys
@{num=3}, @{num=4}, @{num=5} | Measure-Object -Maximum Num
