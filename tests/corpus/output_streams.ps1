# Logging helpers and output streams as lab scripts use them.
function Write-Log {
    param(
        [Parameter(Mandatory, Position = 0)][string]$Message,
        [ValidateSet('Info', 'Warn', 'Error')][string]$Level = 'Info'
    )
    $stamp = '2024-05-01 12:00:00'
    $line = "[$stamp] [$($Level.ToUpper().PadRight(5))] $Message"
    switch ($Level) {
        'Info' { Write-Host $line }
        'Warn' { Write-Warning $Message }
        'Error' { Write-Host $line }
    }
    $script:LogLines += , $line
}
$script:LogLines = @()
Write-Log 'Starting lab build'
Write-Log 'Low disk space on D:' -Level Warn
Write-Log -Message 'Could not reach DC01' -Level Error
"Logged $($LogLines.Count) lines"

function Get-Thing {
    [CmdletBinding()]
    param()
    Write-Verbose 'verbose detail'
    Write-Debug 'debug detail'
    Write-Information 'info detail'
    'thing'
}
Get-Thing
Get-Thing -Verbose
$VerbosePreference = 'Continue'
Get-Thing
$VerbosePreference = 'SilentlyContinue'
Get-Thing -InformationAction Continue
$InformationPreference = 'Continue'
Write-Information 'now visible'
$InformationPreference = 'SilentlyContinue'

# capture and redirect streams
$captured = Get-Thing -Verbose 4>&1
$captured.Count
$captured[0].GetType().Name
"$($captured[0])"
$w = Write-Warning 'captured warning' 3>&1
$w.Message
$all = & { Write-Output 'out'; Write-Warning 'warn'; Write-Verbose 'verb' -Verbose } *>&1
$all | ForEach-Object { '{0}: {1}' -f $_.GetType().Name, $_ }
Write-Host 'no newline ' -NoNewline
Write-Host 'then newline'
Write-Host 'a', 'b', 'c' -Separator '-'
Write-Output 'x', 'y' | Measure-Object | Select-Object -ExpandProperty Count
Write-Output -NoEnumerate @(1, 2, 3) | ForEach-Object { $_.Count }
$text = 'line1', 'line2' | Out-String
$text.Length
'hello' | Tee-Object -Variable teed | Out-Null
$teed
$null = Write-Output 'discarded'
[void](Write-Output 'also discarded')
'kept' > $null
