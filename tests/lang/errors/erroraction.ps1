# -ErrorAction, $ErrorActionPreference, $Error and -ErrorVariable on non-terminating errors.
function Fail { [CmdletBinding()] param() Write-Error "failure one" }
$base = $Error.Count
Fail -ErrorAction SilentlyContinue
"count: $($Error.Count - $base)"
"msg: $($Error[0].Exception.Message)"
Fail -ErrorAction Ignore
"count after Ignore: $($Error.Count - $base)"
Fail -ErrorVariable ev -ErrorAction SilentlyContinue
"ev: $($ev.Count) $($ev[0])"
Fail -ErrorVariable +ev -ErrorAction SilentlyContinue
"ev appended: $($ev.Count)"
try {
    Fail -ErrorAction Stop
    "not reached"
} catch {
    "caught: $_"
}
$ErrorActionPreference = 'SilentlyContinue'
Fail
"pref silently: $($Error[0])"
$ErrorActionPreference = 'Stop'
try { Fail; "not reached" } catch { "pref stop caught: $($_.Exception.Message)" }
$ErrorActionPreference = 'Continue'
Write-Error "direct" -ErrorAction SilentlyContinue
"dollar-q: $?"
"ok"
"dollar-q: $?"
