$n = 0
[int]::TryParse("42", [ref]$n)
$n
[int]::TryParse("nope", [ref]$n)
$n
$d = [datetime]::MinValue
[datetime]::TryParse("2024-05-06", [ref]$d) | Out-Null
$d.Month
