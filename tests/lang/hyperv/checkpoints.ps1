# Checkpoint-VM and Get-/Restore-/Remove-VMSnapshot (aliases *-VMCheckpoint).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Checkpoint-VM -Name web01 -SnapshotName 'Before update'
Set-VM -Name web01 -Notes 'after the checkpoint'
Checkpoint-VM web01 'Second' -Passthru | Format-Table VMName, Name, SnapshotType, ParentSnapshotName
Get-VMSnapshot -VMName web01 | Format-Table VMName, Name, SnapshotType, ParentSnapshotName
Get-VMCheckpoint -VMName web01 -Name sec* | ForEach-Object Name
(Get-VM web01).ParentCheckpointName
$s = Get-VMSnapshot -VMName web01 -Name 'Before update'
$s.PSObject.TypeNames[0]
$s.CreationTime.GetType().FullName
$s | Restore-VMSnapshot -Confirm:$false
(Get-VM web01).Notes -eq ''
Restore-VMSnapshot -VMName web01 -Name Second -Confirm:$false -Passthru | ForEach-Object Name
(Get-VM web01).Notes
Get-VMSnapshot web01 -Name Second | Remove-VMSnapshot
(Get-VMSnapshot -VMName web01).Name
Checkpoint-VM -Name web01 -SnapshotName Third -WhatIf
Remove-VMSnapshot -VMName web01 -IncludeAllChildSnapshots
@(Get-VMSnapshot -VMName web01).Count
try { Get-VMSnapshot -VMName web01 -Name nosuch -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
# a default name: "<VM> - (date - time)"
Checkpoint-VM -Name db01
(Get-VMSnapshot db01).Name -like 'db01 - (*)'
