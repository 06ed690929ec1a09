# -WhatIf on every state-changing cmdlet: the message, and nothing changes.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Start-VM web01 -WhatIf
Stop-VM db01 -TurnOff -WhatIf
Set-VM web01 -ProcessorCount 1 -WhatIf
Set-VMProcessor web01 -ExposeVirtualizationExtensions $true -WhatIf
Set-VMMemory web01 -StartupBytes 1GB -WhatIf
Get-VMNetworkAdapter -VMName web01 | Set-VMNetworkAdapter -MacAddressSpoofing On -WhatIf
New-VMSwitch -Name WhatIfSwitch -SwitchType Private -WhatIf
Remove-VMSwitch VmNAT -WhatIf
Checkpoint-VM web01 -SnapshotName x -WhatIf
Remove-VM web01 -WhatIf
Get-VM | Format-Table Name, State, ProcessorCount, MemoryStartup
(Get-VMProcessor web01).ExposeVirtualizationExtensions
(Get-VMNetworkAdapter -VMName web01).MacAddressSpoofing
(Get-VMSwitch).Name
