1..2 | ForEach-Object { "item $_" }
"a" | ForEach-Object { "psitem $PSItem" }
