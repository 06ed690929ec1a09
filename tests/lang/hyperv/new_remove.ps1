# New-VM and Remove-VM: names with spaces, parentheses and Unicode; generations; switches.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
New-VM -Name 'Nested Host (Ä)' -MemoryStartupBytes 4GB -Generation 2 -SwitchName VmNAT
$vm = Get-VM 'nested host (ä)'
$vm.Generation
$vm.ProcessorCount
$vm.MemoryStartup / 1GB
$vm.NetworkAdapters[0].SwitchName
$vm.NetworkAdapters[0].MacAddress.Substring(0, 6)
$vm.NetworkAdapters[0].MacAddressSpoofing
$vm2 = New-VM 'Gen1' 1GB 1 -NewVHDPath gen1.qcow2 -NewVHDSizeBytes 20GB
(Get-VMHardDiskDrive -VM $vm2).Path
New-VM -Name Plain | ForEach-Object { $_.Name; $_.MemoryStartup / 1MB; $_.Generation }
New-VM -Name Ghost -WhatIf
@(Get-VM Ghost* -ErrorAction SilentlyContinue).Count
try { New-VM -Name web01 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
try { New-VM -Name 'a/b' -ErrorAction Stop } catch { $_.Exception.Message }
try { New-VM -Name x -MemoryStartupBytes 3MB -ErrorAction Stop } catch { $_.Exception.Message }
try { New-VM -Name y -SwitchName nosuch -ErrorAction Stop } catch { $_.Exception.Message }
try { New-VM -Name z -Generation 3 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Remove-VM -Name Plain -Force -Passthru | ForEach-Object Name
Remove-VM 'Nested Host (Ä)', Gen1 -Force
Remove-VM web01 -WhatIf
# a running VM is turned off and removed
Remove-VM db01 -Force
(Get-VM).Name
