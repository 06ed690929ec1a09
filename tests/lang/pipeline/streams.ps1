# Warning / verbose / debug / information streams and their preferences.
Write-Debug "no debug"
Write-Debug "debug shown" -Debug
$VerbosePreference = 'Continue'
Write-Verbose "verbose by preference"
$VerbosePreference = 'SilentlyContinue'
Write-Verbose "not shown"
$WarningPreference = 'SilentlyContinue'
Write-Warning "quiet warning"
$WarningPreference = 'Continue'
try {
    Write-Warning "stop here" -WarningAction Stop
    "not reached"
} catch {
    "caught: $($_.Exception.Message)"
}
Write-Information "info hidden"
Write-Information "info shown" -InformationAction Continue
$InformationPreference = 'Continue'
Write-Information "info by preference"
$InformationPreference = 'SilentlyContinue'
Write-Host "no " -NoNewline
Write-Host "newline"
function Talk { [CmdletBinding()] param() Write-Verbose "inner verbose"; "result" }
Talk -Verbose
Talk
