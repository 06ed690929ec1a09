function M1 { param([Parameter(Mandatory)][string]$Name) "N=$Name" }
try { M1 -Name "" } catch { $_.Exception.Message }
try { M1 -Name $null } catch { $_.Exception.Message }
function M2 { param([Parameter(Mandatory)][AllowEmptyString()][string]$Name) "N=[$Name]" }
M2 -Name ""
function M3 { param([Parameter(Mandatory)][string[]]$Names) $Names.Count }
try { M3 -Names @() } catch { $_.Exception.Message }
function M4 { param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$Names) $Names.Count }
M4 -Names @()
function M5 { param([Parameter(Mandatory)][AllowNull()][object]$O) "null ok: $($null -eq $O)" }
M5 -O $null
function M6 { param([ValidateNotNull()]$O) "O=$O" }
try { M6 -O $null } catch { $_.Exception.Message }
function M7 { [CmdletBinding()] param([int]$N) $N }
try { M7 -N "abc" } catch { $_.Exception.Message }
try { M7 -Q 1 } catch { $_.Exception.Message }
