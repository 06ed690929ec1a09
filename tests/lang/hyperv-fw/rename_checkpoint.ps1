# Rename-VMSnapshot / Rename-VMCheckpoint: the name changes, libvirt's (QEMU's tag) does not.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Checkpoint-VM web01 -SnapshotName c1
Checkpoint-VM web01 -SnapshotName c2
Rename-VMSnapshot -VMName web01 -Name c1 -NewName 'Base image' -Passthru | Format-Table VMName, Name, ParentSnapshotName
# the old name is free again; parents and the VM's current checkpoint follow the new names
Checkpoint-VM web01 -SnapshotName c1
Get-VMSnapshot web01 | Sort-Object Name | Format-Table Name, ParentSnapshotName
Get-VMSnapshot web01 -Name c2 | Rename-VMCheckpoint -NewName second
(Get-VM web01).ParentSnapshotName
Get-VM web01 | Rename-VMSnapshot -Name c1 -NewName third
(Get-VM web01).ParentSnapshotName
Restore-VMSnapshot -VMName web01 -Name 'Base image' -Confirm:$false
(Get-VM web01).ParentSnapshotName
Remove-VMSnapshot -VMName web01 -Name second
(Get-VMSnapshot web01 | Sort-Object Name | ForEach-Object { "$($_.Name) <- $($_.ParentSnapshotName)" }) -join '; '
try { Rename-VMSnapshot -VMName web01 -Name 'Base image' -NewName third -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Rename-VMSnapshot -VMName web01 -Name nope -NewName x -ErrorAction Stop } catch { $_.Exception.Message }
Rename-VMSnapshot -VMName web01 -Name third -NewName fourth -WhatIf
(Get-VMSnapshot web01 | Sort-Object Name).Name -join ', '
