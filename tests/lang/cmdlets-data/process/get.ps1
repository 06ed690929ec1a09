$p = Get-Process -Id $PID
$p.Id -eq $PID
$p.GetType().FullName
$p.ProcessName.Length -gt 0
(Get-Process | Measure-Object).Count -gt 1
(Get-Process -Name $p.ProcessName | Where-Object Id -eq $PID).Id -eq $PID
try { Get-Process -Name nosuchproc_c2zz -ErrorAction Stop } catch { $_.Exception.Message }
try { Get-Process -Id 999999999 -ErrorAction Stop } catch { $_.Exception.Message }
(Get-Process -Name 'nosuchproc_c2*' | Measure-Object).Count
