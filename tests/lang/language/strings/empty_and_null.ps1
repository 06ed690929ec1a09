$e = ""
[string]::IsNullOrEmpty($e)
[string]::IsNullOrEmpty($null)
[string]::IsNullOrWhiteSpace("  ")
"" -eq $null
$null -eq ""
[string]$null -eq ""
