$array = 1, 2, 3
[string]$array
"$array"
$OFS = "+"
[string]$array
"$array"
$OFS = ""
[string]$array
Remove-Variable OFS
[string]$array
$WarningPreference = 'SilentlyContinue'
Write-Warning "hidden"
$VerbosePreference = 'Continue'
Write-Verbose "shown verbose"
$VerbosePreference = 'SilentlyContinue'
Write-Verbose "hidden verbose"
$InformationPreference = 'Continue'
Write-Information "shown info"
