# Wait-VM: heartbeat (the guest agent), IP address, timeouts.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
New-VM -Name n1 -SwitchName VmNAT | Out-Null
Start-VM n1
Wait-VM -Name n1 -For Heartbeat -Timeout 5 -Passthru | Format-Table Name, State
Get-VM n1 | Wait-VM -For IPAddress -Timeout 5 -Delay 1 -Passthru | ForEach-Object Name
Wait-VM n1 -For MemoryOperations -Timeout 5
'waited'
# db01 has no guest agent (Heartbeat disabled): there is nothing to wait for
try { Wait-VM db01 -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
# web01 has the service but is off: the wait times out
Enable-VMIntegrationService -VMName web01 -Name Heartbeat
$sw = [Diagnostics.Stopwatch]::StartNew()
try { Wait-VM web01 -Timeout 1 -Delay 1 -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category; $_.FullyQualifiedErrorId }
$sw.Elapsed.TotalSeconds -ge 1 -and $sw.Elapsed.TotalSeconds -lt 3
try { Wait-VM web01 -For Reboot -Timeout 0 -ErrorAction Stop } catch { $_.Exception.Message }
try { Wait-VM nope -ErrorAction Stop } catch { $_.Exception.Message }
try { Wait-VM n1 -For Forever } catch { $_.FullyQualifiedErrorId }
# Restart-VM -Wait waits the same way
Restart-VM n1 -Force -Wait -For Heartbeat -Timeout 5 -Passthru | Format-Table Name, State
try { Restart-VM db01 -Force -Wait -Timeout 1 -Delay 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
