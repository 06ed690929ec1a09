$p = Get-Process -Id $PID
(Get-Process -InputObject $p).Id -eq $PID
$s = Start-Process -FilePath sleep -ArgumentList 30 -PassThru
$s | Stop-Process -PassThru | ForEach-Object { $_.Id -eq $s.Id }
$s2 = Start-Process -FilePath sleep -ArgumentList 31 -PassThru
(Get-Process -Id $s2.Id).Id -eq $s2.Id
Stop-Process -InputObject $s2 -Force
try { Stop-Process -Id 999999999 -ErrorAction Stop } catch { $_.Exception.Message }
