# hyperv-cmdlets.md §5 Restart-VM: sets Name, NameWait, VMObject, VMObjectWait; -Wait selects
# a *Wait set and -For/-Delay/-Timeout exist only there.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Restart-VM db01 -Force
(Get-VM db01).State
Get-VM db01 | Restart-VM -Force -Passthru | Format-Table Name, State
# -Wait waits for the heartbeat (the guest agent): db01 gets the agent's channel at its next start
Enable-VMIntegrationService -VMName db01 -Name Heartbeat
Stop-VM db01 -TurnOff -Force; Start-VM db01
Restart-VM -VM (Get-VM db01) -Wait -Force -Passthru | ForEach-Object State
try { Restart-VM db01 -For IPAddress -Force } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
(Get-Command Restart-VM).ParameterSets.Name
