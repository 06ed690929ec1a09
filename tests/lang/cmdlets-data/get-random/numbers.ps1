$ok = $true
foreach ($i in 1..50) { $r = Get-Random -Minimum 5 -Maximum 8; if ($r -lt 5 -or $r -ge 8) { $ok = $false } }
$ok
(Get-Random).GetType().Name
(Get-Random -Maximum 1.5).GetType().Name
(Get-Random -Maximum 10000000000).GetType().Name
(Get-Random -Maximum 10 -Count 5 | Measure-Object).Count
$a = Get-Random -SetSeed 42 -Maximum 1000
$b = Get-Random -SetSeed 42 -Maximum 1000
$a -eq $b
$r = Get-Random -Minimum -3.5 -Maximum -3.0
$r -ge -3.5 -and $r -lt -3.0
try { Get-Random -Minimum 10 -Maximum 5 } catch { $_.Exception.Message }
