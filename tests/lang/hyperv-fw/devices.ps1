# Rename-VM, Remove-VMDvdDrive, Set-VMHardDiskDrive and the SCSI controller cmdlets.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Rename-VM web01 web02 -Passthru | Format-Table Name, State
Get-VM -Name web02 | Rename-VM -NewName 'web 03'
(Get-VM 'web 03').Id
Rename-VM -Name 'web 03' -NewName web01 -WhatIf
try { Rename-VM db01 db02 -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Rename-VM 'web 03' 'My VM (1)' -ErrorAction Stop } catch { $_.Exception.Message }
try { Rename-VM nope x -ErrorAction Stop } catch { $_.Exception.Message }
Rename-VM 'web 03' web01
# DVD drives
Add-VMDvdDrive -VMName web01 -Path /srv/iso/a.iso
Add-VMDvdDrive -VMName web01 -ControllerNumber 1 -ControllerLocation 0
Remove-VMDvdDrive -VMName web01 -ControllerNumber 1 -ControllerLocation 0 -Passthru | Format-Table ControllerNumber, ControllerLocation, DvdMediaType
Get-VMDvdDrive web01 | Remove-VMDvdDrive
@(Get-VMDvdDrive web01).Count
try { Remove-VMDvdDrive -VMName web01 -ControllerNumber 1 -ControllerLocation 1 -ErrorAction Stop } catch { $_.Exception.Message }
# SCSI controllers, and a controller piped into Add-VMHardDiskDrive
@(Get-VMScsiController web01).Count
Add-VMScsiController web01 -Passthru
Add-VMScsiController -VMName web01
Get-VMScsiController web01 -ControllerNumber 1 | Add-VMHardDiskDrive -Path /var/lib/hvsh/s1.qcow2
Get-VMScsiController web01 | Format-Table ControllerNumber, @{n = 'Drives'; e = { $_.Drives.Path }}
# move the IDE disk to SCSI 0, then give the SCSI 1 disk another file and location
Set-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 0 -ControllerLocation 0 -ToControllerType SCSI -ToControllerNumber 0 -Passthru
Get-VMHardDiskDrive web01 -ControllerType SCSI -ControllerNumber 1 | Set-VMHardDiskDrive -Path /var/lib/hvsh/s2.qcow2 -ToControllerLocation 5
Get-VMHardDiskDrive web01 | Format-Table ControllerType, ControllerNumber, ControllerLocation, Path
try { Set-VMHardDiskDrive -VMName web01 -ControllerType SCSI -ControllerNumber 1 -ControllerLocation 5 -ToControllerLocation 0 -ToControllerNumber 0 -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Set-VMHardDiskDrive -VMName web01 -ControllerType IDE -Path /x.qcow2 -ErrorAction Stop } catch { $_.Exception.Message }
# removing a controller takes its drives with it
Remove-VMScsiController -VMName web01 -ControllerNumber 1 -Passthru | Format-Table VMName, ControllerNumber
(Get-VMHardDiskDrive web01).Path
Remove-VMScsiController -VMName web01 -ControllerNumber 0 -WhatIf
try { Remove-VMScsiController -VMName web01 -ControllerNumber 3 -ErrorAction Stop } catch { $_.Exception.Message }
try { Add-VMScsiController db01 -ErrorAction Stop } catch { $_.Exception.Message }
