# $ErrorActionPreference also governs statement-terminating errors (not only cmdlet errors)
$ErrorActionPreference = 'SilentlyContinue'
1/0
"after silently: $($Error[0].Exception.Message)"
$ErrorActionPreference = 'Continue'
$ErrorActionPreference = 'Stop'
try { [int]'y' } catch { "caught: $($_.Exception.Message)" }
function inner { [int]'z'; "inner not reached" }
inner
"not reached"
