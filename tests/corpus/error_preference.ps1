# $ErrorActionPreference governs statement-terminating errors in a script, not only
# non-terminating ones: SilentlyContinue hides them (they still land in $Error), Stop ends
# the script at the first one.
$Error.Clear()
$ErrorActionPreference = 'SilentlyContinue'
$ratio = 10 / 0
"after silent division: errors recorded = $($Error.Count)"
[int]'not a number'
'still running'
Get-Item -Path '/no/such/path'
"errors recorded = $($Error.Count)"

$ErrorActionPreference = 'Continue'
try {
    $ErrorActionPreference = 'Stop'
    Get-Item -Path '/no/such/path'
    'not reached'
} catch {
    "caught: $($_.CategoryInfo.Category)"
} finally {
    $ErrorActionPreference = 'Continue'
}

$ErrorActionPreference = 'Stop'
'before the failing step'
$vmConfig = $null
$vmConfig.Validate()
'this line must not run'
