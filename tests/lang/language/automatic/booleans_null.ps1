$true
$false
$null -eq $null
[bool]$null
