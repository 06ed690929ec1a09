$null | ForEach-Object { "got null" }
@() | ForEach-Object { "never" }
@($null) | ForEach-Object { "array null" }
