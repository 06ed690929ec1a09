# Start/Stop/Suspend/Resume/Save/Restart-VM, Remove-VMSavedState, -Passthru, warnings.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Start-VM -Name web01 -Passthru | Format-Table Name, State
Suspend-VM web01
(Get-VM web01).State
Resume-VM web01 -Passthru | ForEach-Object State
Save-VM web01
(Get-VM web01).State
Start-VM web01
(Get-VM web01).State
Stop-VM web01 -Save
Remove-VMSavedState -VMName web01
(Get-VM web01).State
Start-VM web01
Restart-VM web01 -Force
(Get-VM web01).State
Stop-VM web01
(Get-VM web01).State
Get-VM db01 | Stop-VM -TurnOff -Force -Passthru | Format-Table Name, State, MemoryAssigned
# already in the requested state: a warning, no error
Stop-VM web01 -WarningVariable w -WarningAction SilentlyContinue
$w.Count
"$w"
Start-VM 'my vm*' -Passthru | Stop-VM -TurnOff -Passthru | ForEach-Object { "$($_.Name): $($_.State)" }
try { Restart-VM web01 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
try { Remove-VMSavedState web01 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { Start-VM -Name ghost -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
