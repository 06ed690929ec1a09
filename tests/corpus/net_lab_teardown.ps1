<#
.SYNOPSIS
    Tears down a NAT lab (VMs, switch, host address, NAT) — idempotent, supports -WhatIf.
#>
$env:HVSH_URI = 'test:///default'

function Remove-Lab {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory)][string]$Prefix,
        [string]$SwitchName = 'TeardownNAT',
        [string]$NatName = 'TeardownNet'
    )
    $removed = [ordered]@{ VMs = 0; Switch = $false; Nat = $false }
    foreach ($vm in @(Get-VM -Name "$Prefix*" -ErrorAction SilentlyContinue)) {
        if ($PSCmdlet.ShouldProcess($vm.Name, 'Remove lab VM')) {
            if ($vm.State -ne 'Off') { Stop-VM -VM $vm -TurnOff -Force }
            Remove-VM -VM $vm -Force
            $removed.VMs++
        }
    }
    if (Get-NetNat -Name $NatName -ErrorAction SilentlyContinue) {
        if ($PSCmdlet.ShouldProcess($NatName, 'Remove NAT')) {
            Remove-NetNat -Name $NatName -Confirm:$false
            $removed.Nat = $true
        }
    }
    if (Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue) {
        if ($PSCmdlet.ShouldProcess($SwitchName, 'Remove switch')) {
            Remove-VMSwitch -Name $SwitchName -Force
            $removed.Switch = $true
        }
    }
    [pscustomobject]$removed
}

# build a small lab first
New-VMSwitch -Name TeardownNAT -SwitchType Internal | Out-Null
New-NetIPAddress -InterfaceAlias 'vEthernet (TeardownNAT)' -IPAddress 10.77.0.1 -PrefixLength 24 | Out-Null
New-NetNat -Name TeardownNet -InternalIPInterfaceAddressPrefix 10.77.0.0/24 | Out-Null
'TD-A', 'TD-B' | ForEach-Object { New-VM -Name $_ -SwitchName TeardownNAT -NoVHD | Out-Null }
Start-VM -Name TD-A

Remove-Lab -Prefix 'TD-' -WhatIf
"VMs still there: $(@(Get-VM -Name 'TD-*').Count)"
$result = Remove-Lab -Prefix 'TD-'
$result | Format-Table -AutoSize
"VMs left: $(@(Get-VM -Name 'TD-*' -ErrorAction SilentlyContinue).Count)"
"Adapter gone: $(-not (Get-NetAdapter -Name 'vEthernet (TeardownNAT)' -ErrorAction SilentlyContinue))"
# second run finds nothing to do
Remove-Lab -Prefix 'TD-' | ForEach-Object { "VMs=$($_.VMs) Switch=$($_.Switch) Nat=$($_.Nat)" }
