$d = Get-Help Compare-Object -Detailed | Out-String
$d -match 'PARAMETERS' -and $d -match '-IncludeEqual'
$d -match 'INPUTS'
$f = Get-Help Compare-Object -Full | Out-String
$f -match 'INPUTS' -and $f -match 'OUTPUTS'
$e = Get-Help Compare-Object -Examples | Out-String
$e -match 'Example 1' -and -not ($e -match 'PARAMETERS')
(Get-Help Compare-Object).Synopsis
(Get-Help Compare-Object -Parameter IncludeEqual | Out-String) -match 'Required\?\s+false'
