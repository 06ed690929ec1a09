# pwsh 7 on Linux does not define aliases that shadow native tools or name Windows-only
# cmdlets; `sc` was dropped from PowerShell 6 onward on every platform.
foreach ($a in 'sc', 'compare', 'diff', 'ls', 'cat', 'sort', 'sleep', 'ps', 'rm', 'cp', 'mv',
    'kill', 'tee', 'write', 'start', 'clear', 'man', 'mount', 'rmdir', 'ac', 'cpp', 'lp') {
    $found = Get-Alias -Name $a -ErrorAction SilentlyContinue
    '{0,-8} {1}' -f $a, [bool]$found
}
(Get-Alias gci).Definition
(Get-Alias select).Definition
(Get-Alias sls).Definition
