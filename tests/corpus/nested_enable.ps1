<#
    Enables nested virtualization on a VM, in the style of the well-known
    Enable-NestedVm.ps1: checks the state, the processor, memory and the NIC first.
#>
param(
    [string]$VmName = 'web01'
)
$env:HVSH_URI = "test://$(Join-Path $PSScriptRoot '../fixtures/lab.xml')"

function Test-NestedReady {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Name)
    $vm = Get-VM -Name $Name -ErrorAction SilentlyContinue
    if (-not $vm) {
        Write-Warning "Unable to find vm $Name"
        return $false
    }
    $issues = @()
    if ($vm.State -ne 'Off') { $issues += 'VM must be turned off' }
    if (-not (Get-VMProcessor -VMName $Name).ExposeVirtualizationExtensions) {
        $issues += 'virtualization extensions are not exposed'
    }
    if ((Get-VMMemory -VMName $Name).DynamicMemoryEnabled) { $issues += 'dynamic memory is enabled' }
    $spoof = (Get-VMNetworkAdapter -VMName $Name).MacAddressSpoofing
    if ($spoof -contains 'Off') { $issues += 'MAC address spoofing is off' }
    [pscustomobject]@{ Name = $Name; Ready = $issues.Count -eq 0; Issues = $issues }
}

foreach ($name in $VmName, 'db01', 'missing') {
    $r = Test-NestedReady -Name $name
    if ($r -eq $false) { continue }
    "{0}: ready={1}" -f $r.Name, $r.Ready
    $r.Issues | ForEach-Object { "  - $_" }
}

Write-Host "Configuring $VmName for nesting"
$vm = Get-VM -Name $VmName
if ($vm.State -eq 'Off') {
    Set-VMProcessor -VMName $VmName -ExposeVirtualizationExtensions $true
    Set-VMMemory -VMName $VmName -DynamicMemoryEnabled $false
    Get-VMNetworkAdapter -VMName $VmName | Set-VMNetworkAdapter -MacAddressSpoofing On
}
$after = Test-NestedReady -Name $VmName
"{0}: ready={1} issues={2}" -f $after.Name, $after.Ready, $after.Issues.Count

# running VMs cannot be changed
try {
    Set-VMProcessor -VMName db01 -ExposeVirtualizationExtensions $true -ErrorAction Stop
    'changed db01'
} catch {
    "db01: $($_.CategoryInfo.Category)"
}
Start-VM -Name $VmName
(Get-VM $VmName).State
Stop-VM -Name $VmName -TurnOff
(Get-VM $VmName).State
Get-VMProcessor -VMName $VmName | Select-Object VMName, Count, ExposeVirtualizationExtensions
