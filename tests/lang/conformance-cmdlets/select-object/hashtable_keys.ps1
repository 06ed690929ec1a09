# Select-Object docs example 13: PowerShell 6+ selects hashtable keys as properties
@{ name = 'a' ; weight = 7 } | Select-Object -Property name, weight
