# Enable-/Disable-VMTPM, Set-/Get-VMKeyProtector, Get-/Set-VMSecurity.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
New-VM -Name w11 -Generation 2 | Out-Null
Get-VMSecurity w11 | Format-List TpmEnabled, KsdEnabled, Shielded, EncryptStateAndVmMigrationTraffic, VirtualizationBasedSecurityOptOut, BindToHostTpm
# a vTPM needs a key protector first, as on Hyper-V
try { Enable-VMTPM -VMName w11 -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
@(Get-VMKeyProtector w11).Count
Set-VMKeyProtector -VMName w11 -NewLocalKeyProtector
$k = Get-VMKeyProtector w11
$k.Count; $k[0].GetType().FullName
Get-VM w11 | Enable-VMTPM -Passthru | Format-Table Name, Generation
(Get-VMSecurity w11).TpmEnabled
# the key stays while the vTPM exists
(Compare-Object $k (Get-VMKeyProtector w11)) -eq $null
Set-VMSecurity w11 -EncryptStateAndVmMigrationTraffic $true -VirtualizationBasedSecurityOptOut $true
Get-VMSecurity -VM (Get-VM w11) | Format-List TpmEnabled, EncryptStateAndVmMigrationTraffic, VirtualizationBasedSecurityOptOut
Disable-VMTPM w11 -WhatIf
(Get-VMSecurity w11).TpmEnabled
Disable-VMTPM w11
(Get-VMSecurity w11).TpmEnabled
try { Enable-VMTPM web01 -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMKeyProtector w11 -RestoreLastKnownGoodKeyProtector -ErrorAction Stop } catch { $_.CategoryInfo.Category }
try { Set-VMSecurity w11 -BindToHostTpm $true -ErrorAction Stop } catch { $_.Exception.Message }
try { Get-VMSecurity nope -ErrorAction Stop } catch { $_.Exception.Message }
