# VMSwitch cmdlets on the test driver: libvirt networks are the switches.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMSwitch
Get-VMSwitch -SwitchType Private | ForEach-Object Name
new-vmswitch -name 'Default Switch' -SwitchType Internal
Get-VMSwitch -Name 'default*' | Format-List Name, SwitchType, AllowManagementOS, BridgeName
Set-VMSwitch -Name 'Default Switch' -SwitchType Private -Notes 'isolated lab'
Get-VMSwitch 'DEFAULT SWITCH' | Format-Table Name, SwitchType, Notes
Rename-VMSwitch -Name 'Default Switch' -NewName 'Lab Switch' -Passthru
Add-VMNetworkAdapter -VMName web01 -SwitchName 'Lab Switch' -Name Lab
Get-VMNetworkAdapter -VMName web01 -Name Lab | Format-Table Name, SwitchName
Remove-VMSwitch 'Lab Switch' -Force
Get-VMNetworkAdapter -VMName web01 -Name Lab | Format-Table Name, SwitchName, Connected
Get-VMSwitch | ForEach-Object Name
try { Get-VMSwitch -Name nosuch -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category; $_.FullyQualifiedErrorId }
try { New-VMSwitch -Name VmNAT -SwitchType Internal -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
try { New-VMSwitch -Name 'a/b' -SwitchType Private -ErrorAction Stop } catch { $_.Exception.Message }
try { New-VMSwitch -Name X -SwitchType External -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Get-VMSwitch -Name nomatch* | Measure-Object | ForEach-Object Count
