function m { "x42" -match '\d+' | Out-Null; $Matches[0] }
m
