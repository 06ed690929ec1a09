$t = Measure-Command { Start-Sleep -Milliseconds 120 }
$t.TotalMilliseconds -ge 100
$t = Measure-Command { Start-Sleep -Seconds 0.15 }
$t.TotalMilliseconds -ge 130
Start-Sleep -Duration (New-TimeSpan -Milliseconds 10)
sleep 0
'done'
