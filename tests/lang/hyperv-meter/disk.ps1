# Measure-VM's TotalDisk(M): the capacity of the attached virtual disks (a temporary folder).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-meter-$PID"
New-Item -ItemType Directory -Path $dir | Out-Null
New-VHD -Path (Join-Path $dir 'm1.qcow2') -SizeBytes 3GB -Dynamic | Out-Null
New-VM -Name 'meter 1' -MemoryStartupBytes 1GB -VHDPath (Join-Path $dir 'm1.qcow2') | Out-Null
Enable-VMResourceMetering 'meter 1'
(Measure-VM 'meter 1').TotalDiskAllocation
Get-VM 'meter 1' | Measure-VM
Remove-VM 'meter 1' -Force
Remove-Item -Recurse -Force $dir
try { Measure-VM -Name 'meter 1' -ErrorAction Stop } catch { $_.Exception.Message }
