# Enable-/Disable-VMIntegrationService: the guest agent channel and <hv:integration>.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
# web01 has no guest agent channel: only Shutdown (ACPI) works
Get-VMIntegrationService -VMName web01
Enable-VMIntegrationService -VMName web01 -Name Heartbeat -Passthru
Get-VMIntegrationService -VMName web01 | Where-Object Enabled | ForEach-Object Name
# objects from the pipeline, wildcards, positional -Name
Get-VMIntegrationService -VMName web01 -Name 'Key*', VSS | Enable-VMIntegrationService
Enable-VMIntegrationService 'Guest Service Interface' -VMName web01
Get-VMIntegrationService -VMName web01 | Format-Table Name, Enabled
Get-VM web01 | Disable-VMIntegrationService -Name * -Passthru | Format-Table Name, Enabled
# a new VM has Hyper-V's defaults, and the running one answers
New-VM -Name n1 | Out-Null
Start-VM n1
Get-VMIntegrationService n1
Disable-VMIntegrationService -VMName n1 -Name 'Time Synchronization' -WhatIf
(Get-VMIntegrationService n1 -Name 'Time Synchronization').Enabled
try { Disable-VMIntegrationService -VMName n1 -Name Bogus -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Enable-VMIntegrationService -VMName nope -Name VSS -ErrorAction Stop } catch { $_.Exception.Message }
