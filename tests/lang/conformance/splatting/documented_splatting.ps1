$p = @{ Path = '/nonexistent_zz'; ErrorAction = 'SilentlyContinue' }
Get-Item @p
"after silent"
$q = @{ ErrorAction = 'Stop' }
try { Get-Item /nonexistent_zz @q } catch { "stopped" }
function Inner-F { param($A, $B) "A=$A B=$B" }
function Outer-F { param($A, $B) Inner-F @PSBoundParameters }
Outer-F -A 1 -B 2
function Outer-G { param($A, $B) $PSBoundParameters.Remove('B') | Out-Null; Inner-F @PSBoundParameters }
Outer-G -A 1 -B 2
$splat = @{ A = 'x' }
Inner-F @splat -B 'y'
Inner-F -B 'z' @splat
$arr = 'p1', 'p2'
Inner-F @arr
function Sw { param([switch]$S, $V) "S=$S V=$V" }
$s1 = @{ S = $true; V = 1 }
Sw @s1
Write-Output @('a', 'b')
$cmd = 'Get-Date'
$params = @{ Year = 2001; Month = 2; Day = 3 }
(& $cmd @params).ToString('yyyy-MM-dd')
