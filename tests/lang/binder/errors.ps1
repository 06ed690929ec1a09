# Every binder error: message and FullyQualifiedErrorId, caught as statement-terminating.
function Test-Bind {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Name,
        [string]$NewName,
        [int]$Count,
        [ValidateSet('Internal', 'Private')][string]$SwitchType,
        [ValidateRange(1, 5)][int]$Level
    )
    "bound $Name"
}
$cases = @(
    { Test-Bind -Name a -Foo 1 },
    { Test-Bind -N x },
    { Test-Bind -Name a -Count abc },
    { Test-Bind a b 1 Internal 3 extra },
    { Test-Bind -Name },
    { Test-Bind -Name a -SwitchType External },
    { Test-Bind -Name a -Level 9 },
    { Test-Bind -Name a -Level 0 },
    { Test-Bind -Name a -Name b },
    { Test-Bind }
)
foreach ($c in $cases) {
    try { & $c } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
}
"done"
