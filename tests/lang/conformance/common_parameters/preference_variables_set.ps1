function Outer { [CmdletBinding()] param() "verbose pref: $VerbosePreference"; Inner }
function Inner { [CmdletBinding()] param() Write-Verbose "in inner" }
Outer -Verbose 4>&1
function E1 { [CmdletBinding()] param() "error pref: $ErrorActionPreference"; Write-Error "e1"; "after" }
try { E1 -ErrorAction Stop } catch { "caught $_" }
function W1 { [CmdletBinding()] param() "warning pref: $WarningPreference" }
W1 -WarningAction Ignore
