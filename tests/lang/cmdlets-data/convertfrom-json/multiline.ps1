# Lines that are not complete JSON on their own are joined (as Get-Content gives them)
'{', '  "a": 1,', '  "b": [true, false]', '}' | ConvertFrom-Json | ForEach-Object { $_.a; $_.b.Count }
# Each complete line is its own document
'{"x":1}', '{"x":2}' | ConvertFrom-Json | ForEach-Object x
