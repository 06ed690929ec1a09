# Select-Object docs examples 4-6: -Unique is applied after -First, -CaseInsensitive
"a","b","c","a","A","a" | Select-Object -Unique
"a","a","b","c" | Select-Object -First 2 -Unique
"aa", "Aa", "Bb", "bb" | Select-Object -Unique -CaseInsensitive
1, 2, 2, 3, 3 | Select-Object -Last 3 -Unique
