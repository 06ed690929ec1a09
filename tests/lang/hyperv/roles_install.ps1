# Install-/Enable- role cmdlets with -WhatIf: nothing is installed; on a host that already has
# KVM, QEMU and libvirt (scripts/install-deps.sh) there is nothing to do.
$r = Install-WindowsFeature -Name Hyper-V -IncludeManagementTools -WhatIf
$r.PSObject.TypeNames[0]
$r.Success
$r.RestartNeeded
$r.ExitCode
$i = Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All -NoRestart -WhatIf
$i.Online
$i.RestartNeeded
try { Install-WindowsFeature -Name Hyper-X -ErrorAction Stop } catch { $_.Exception.Message }
