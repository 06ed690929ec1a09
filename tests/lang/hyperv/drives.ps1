# Drives: Get-/Add-/Remove-VMHardDiskDrive, Add-/Get-/Set-VMDvdDrive.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMHardDiskDrive -VMName web01
Add-VMHardDiskDrive -VMName web01 -Path /var/lib/hvsh/data.qcow2 -Passthru | Format-Table ControllerType, ControllerNumber, ControllerLocation, Path
Add-VMHardDiskDrive -VMName web01 -ControllerType SCSI -Path /var/lib/hvsh/scsi.qcow2
Get-VMHardDiskDrive -VMName web01 | Format-Table ControllerType, ControllerNumber, ControllerLocation, Path
Get-VMHardDiskDrive -VMName web01 -ControllerType SCSI | Remove-VMHardDiskDrive
Remove-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 1
(Get-VMHardDiskDrive -VMName web01).Path
Add-VMDvdDrive -VMName web01 -Path /srv/iso/debian.iso
Get-VMDvdDrive -VMName web01 | Format-Table VMName, ControllerType, ControllerNumber, ControllerLocation, DvdMediaType, Path
Set-VMDvdDrive -VMName web01 -Path $null
(Get-VMDvdDrive -VMName web01).DvdMediaType
Get-VMDvdDrive -VMName web01 | Set-VMDvdDrive -Path /srv/iso/tools.iso -Passthru | ForEach-Object Path
try { Add-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 0 -Path /x.qcow2 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
try { Add-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 5 -Path /x.qcow2 -ErrorAction Stop } catch { $_.Exception.Message }
