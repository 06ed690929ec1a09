# Get-/Set-VMBios on generation 1 VMs: startup order (<os><boot dev=>) and NumLock.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMBios -VMName web01, db01
Set-VMBios -VMName web01 -StartupOrder CD, IDE, LegacyNetworkAdapter, Floppy -EnableNumLock -Passthru
(Get-VMBios web01).StartupOrder -join ', '
(Get-VMBios web01).StartupOrder[0].GetType().FullName
Get-VM db01 | Set-VMBios -StartupOrder @('LegacyNetworkAdapter', 'CD', 'Floppy', 'IDE')
Get-VMBios db01 | Set-VMBios -DisableNumLock -Passthru | Format-Table VMName, StartupOrder, NumLockEnabled
# errors: a partial order, both NumLock switches, a generation 2 VM, an unknown VM
try { Set-VMBios web01 -StartupOrder CD, IDE -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Set-VMBios web01 -EnableNumLock -DisableNumLock -ErrorAction Stop } catch { $_.Exception.Message }
New-VM -Name g2 -Generation 2 | Out-Null
try { Get-VMBios g2 -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
try { Set-VMFirmware web01 -EnableSecureBoot Off -ErrorAction Stop } catch { $_.Exception.Message }
try { Get-VMBios nope -ErrorAction Stop } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }
Set-VMBios web01 -StartupOrder IDE, CD, LegacyNetworkAdapter, Floppy -WhatIf
(Get-VMBios web01).StartupOrder -join ', '
