# Set-VMHost: default folders, the MAC address pool, enhanced session mode, kept in
# $env:HVSH_STATE_DIR/vmhost.json; Get-VMHost, New-VM and new adapters honour them.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$env:HVSH_STATE_DIR = Join-Path ([IO.Path]::GetTempPath()) "hvsh-vmhost-test-$PID"
Get-VMHost | Format-List VirtualHardDiskPath, VirtualMachinePath, MacAddressMinimum, MacAddressMaximum, EnableEnhancedSessionMode
Set-VMHost -VirtualHardDiskPath /srv/vhd -VirtualMachinePath /srv/vm -EnableEnhancedSessionMode $true -MacAddressMinimum 00155DAA0000 -MacAddressMaximum 00-15-5D-AA-00-0F -Passthru |
    Format-List VirtualHardDiskPath, VirtualMachinePath, MacAddressMinimum, MacAddressMaximum, EnableEnhancedSessionMode
# a file name alone goes to the host's VirtualHardDiskPath; -Path P keeps the VM in P/<name>
$vm = New-VM -Name n1 -NewVHDPath n1.qcow2 -NewVHDSizeBytes 1GB
$vm.HardDrives.Path
$vm.Path
(New-VM -Name n2 -Path /data/vms).Path
Add-VMNetworkAdapter -VMName n1 -Name second
Get-VMNetworkAdapter n1, n2 | ForEach-Object { $_.MacAddress -like '00155DAA000?' }
# the file survives the process; a rejected change leaves it alone
(Get-Content (Join-Path $env:HVSH_STATE_DIR vmhost.json) -Raw | ConvertFrom-Json).hosts.PSObject.Properties.Value.virtualHardDiskPath
try { Set-VMHost -MacAddressMinimum 00155DAA0010 -MacAddressMaximum 00155DAA0000 -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMHost -MacAddressMinimum zz -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Set-VMHost -VirtualHardDiskPath rel/x -ErrorAction Stop } catch { $_.Exception.Message }
$h = Get-VMHost
$h.MacAddressMaximum, $h.VirtualMachinePath
Remove-Item -Recurse $env:HVSH_STATE_DIR
