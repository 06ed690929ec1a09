# the documented New-VHD + Add-VMHardDiskDrive pattern with a .vhdx works end to end
$env:HVSH_URI = 'test:///default'
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-vhdx-$PID"
New-Item -ItemType Directory -Path $dir | Out-Null
$vhd = Join-Path $dir 'data.vhdx'
New-VM -Name vhdxtest -NoVHD | Out-Null
$d = New-VHD -Path $vhd -SizeBytes 1GB -Dynamic
"$($d.VhdFormat) $($d.VhdType)"
Add-VMHardDiskDrive -VMName vhdxtest -Path $vhd
(Get-VMHardDiskDrive -VMName vhdxtest).Path -eq $vhd
(Get-VHD -Path $vhd).VhdFormat
Remove-Item -Recurse -Force $dir
