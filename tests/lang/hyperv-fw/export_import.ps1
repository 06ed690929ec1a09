# Export-VM / Import-VM: Hyper-V's export layout, real disk copies, all or nothing.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$d = Join-Path ([IO.Path]::GetTempPath()) "hvsh-export-$PID"
New-Item -ItemType Directory $d, $d/vhd, $d/out | Out-Null
New-VHD -Path $d/vhd/data.vhdx -SizeBytes 32MB | Out-Null
New-VM -Name lab1 -VHDPath $d/vhd/data.vhdx | Out-Null
Export-VM -Name lab1 -Path $d/out -Passthru | Format-Table Name, State
(Get-ChildItem -Recurse $d/out | ForEach-Object { $_.FullName.Substring($d.Length) -replace '[0-9a-f-]{36}', 'ID' }) -join "`n"
Test-VHD "$d/out/lab1/Virtual Hard Disks/data.vhdx"
$xml = (Get-ChildItem "$d/out/lab1/Virtual Machines").FullName
# the same identity cannot be registered twice; a copy under a free name can
try { Import-VM -Path $xml -ErrorAction Stop } catch { $_.Exception.Message -replace '[0-9a-f-]{36}', 'ID'; $_.CategoryInfo.Category }
Remove-VM lab1 -Force
$vm = Import-VM -Path $xml -Copy -GenerateNewId -VhdDestinationPath $d/vhd2 -ErrorAction SilentlyContinue
$null -eq $vm
New-Item -ItemType Directory $d/vhd2 | Out-Null
$vm = Import-VM -Path $xml -Copy -GenerateNewId -VhdDestinationPath $d/vhd2
$vm.Name; $vm.Id -ne [guid]'00000000-0000-0000-0000-000000000000'
$vm.HardDrives.Path.Substring($d.Length)
Test-VHD $d/vhd2/data.vhdx
# a second copy fails on the existing disk copy and leaves nothing behind
Rename-VM lab1 lab1-old
try { Import-VM -Path $xml -Copy -GenerateNewId -VhdDestinationPath $d/vhd2 -ErrorAction Stop } catch { $_.Exception.Message.Replace($d, 'D'); $_.CategoryInfo.Category }
(Get-VM lab1* | ForEach-Object Name) -join ', '
# registering in place uses the export's disks
Remove-VM lab1-old -Force
(Import-VM -Path $xml).HardDrives.Path.Substring($d.Length)
try { Export-VM db01 $d/out -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Export-VM lab1 $d/nowhere -ErrorAction Stop } catch { $_.CategoryInfo.Category }
try { Export-VM lab1 $d/out -ErrorAction Stop } catch { $_.CategoryInfo.Category }
try { Import-VM -Path $d/vhd/data.vhdx -ErrorAction Stop } catch { $_.CategoryInfo.Category }
Export-VM web01 $d/out -WhatIf
(Get-ChildItem -Force $d/out).Name -join ', '
Remove-Item -Recurse $d
