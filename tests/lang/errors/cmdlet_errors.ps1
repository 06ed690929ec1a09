# Non-terminating cmdlet errors: $?, $Error order, typed catch with -ErrorAction Stop,
# -ErrorVariable next to output, Ignore, $ErrorActionPreference = 'Stop'.
Get-Variable -Name nope1 -ErrorAction SilentlyContinue
"q: $?"
"last: $($Error[0].Exception.Message)"
try {
    Get-Variable -Name nope2 -ErrorAction Stop
} catch [System.Management.Automation.ItemNotFoundException] {
    "typed: $($_.TargetObject)"
}
$myvar = 1
$r = Get-Variable -Name nope3, myvar -ErrorAction SilentlyContinue -ErrorVariable gverr
"found: $($r.Name) errors: $($gverr.Count)"
Get-Variable -Name nope4 -ErrorAction Ignore
"ignored not recorded: $($Error[0].TargetObject)"
$ErrorActionPreference = 'Stop'
try { Get-Variable -Name nope5; "not reached" } catch { "pref stop: $($_.TargetObject)" }
