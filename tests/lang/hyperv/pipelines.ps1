# Objects through the pipeline and through -VM / -VMNetworkAdapter / -VMSwitch parameters.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VM web01 | Get-VMMemory | Set-VMMemory -StartupBytes 1GB -Passthru | ForEach-Object { $_.Startup / 1MB }
Get-VM web01 | Get-VMProcessor | Set-VMProcessor -Count 1 -Passthru | ForEach-Object Count
$vms = Get-VM web01, 'My VM (1)'
Get-VMNetworkAdapter -VM $vms | ForEach-Object Name
Set-VMNetworkAdapter -VMNetworkAdapter (Get-VMNetworkAdapter -VMName web01) -MacAddressSpoofing On
(Get-VMNetworkAdapter -VMName web01).MacAddressSpoofing
Get-VM web01 | Get-VMNetworkAdapter | Connect-VMNetworkAdapter -SwitchName 'Lab Private' -Passthru | ForEach-Object SwitchName
Get-VMNetworkAdapter -VMName web01 | Disconnect-VMNetworkAdapter
(Get-VMNetworkAdapter -VMName web01).Connected
Connect-VMNetworkAdapter -VMName web01 -VMSwitch (Get-VMSwitch VmNAT)
(Get-VMNetworkAdapter -VMName web01).SwitchName
Start-VM -VM (Get-VM web01)
Get-VM | Where-Object State -eq Running | Checkpoint-VM -SnapshotName Nightly
Get-VM | Get-VMSnapshot | ForEach-Object { "$($_.VMName)/$($_.Name)" }
Get-VMSnapshot -VM (Get-VM db01) | Remove-VMSnapshot -Passthru | ForEach-Object Name
@(Get-VMSnapshot -VMName db01).Count
Get-VMSwitch 'Lab*' | Remove-VMSwitch -Force
(Get-VMSwitch).Name
'web01', 'db01' | Stop-VM -TurnOff -Passthru | ForEach-Object { "$($_.Name) $($_.State)" }
Get-VM | Select-Object -First 1 | Remove-VM -Force -Passthru | ForEach-Object Name
(Get-VM).Count
