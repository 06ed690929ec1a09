# demo.ps1 — the nested-virtualization guide (tests/../shared/seed), step by step, against
# an embedded host: libvirt's test driver with tests/fixtures/demo.xml. Run by scripts/demo
# inside a private network namespace (unshare -U -r -n) so the switch's bridge, the NAT and
# the addresses touch nothing on this machine. Draft by H; the lead wires scripts/demo.
#   hvsh -NoProfile -File scripts/demo.ps1
$ErrorActionPreference = 'Stop'
if (-not $env:HVSH_URI) {
    $env:HVSH_URI = "test://$PSScriptRoot/../tests/fixtures/demo.xml"
}
# on the test driver New-VMSwitch makes the host bridge only when asked (we are in a netns)
$env:HVSH_SWITCH_BRIDGES = '1'
# the network cmdlets' saved state and DNS file stay out of this machine's /var/lib and /etc
$demoState = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-demo-$PID"
New-Item -ItemType Directory -Path $demoState -Force | Out-Null
if (-not $env:HVSH_STATE_DIR) { $env:HVSH_STATE_DIR = $demoState }
if (-not $env:HVSH_RESOLV_CONF) { $env:HVSH_RESOLV_CONF = Join-Path $demoState 'resolv.conf' }
$VMName = 'NestedHost'

function Step([string]$text) { Write-Host ''; Write-Host "== $text" -ForegroundColor Cyan }

Step 'Is Hyper-V (KVM + libvirt) available on this host?'
Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V* | Format-Table FeatureName, State
Get-VMHost | Format-List Name, LogicalProcessorCount, NestedVirtualizationAvailable, NestedVirtualizationDetails

Step 'The VM that will host nested VMs (off)'
Get-VM -Name $VMName
Get-VMProcessor -VMName $VMName | Format-Table VMName, Count, ExposeVirtualizationExtensions

Step '2. Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true'
Set-VMProcessor -VMName $VMName -ExposeVirtualizationExtensions $true
Get-VMProcessor -VMName $VMName | Format-Table VMName, Count, ExposeVirtualizationExtensions

Step 'Dynamic memory does not fluctuate while Hyper-V runs inside: use static memory'
Set-VMMemory -VMName $VMName -DynamicMemoryEnabled $false -StartupBytes 4GB
Get-VMMemory -VMName $VMName

Step '3. Start the VM'
Start-VM -Name $VMName -Passthru | Format-Table Name, State, ProcessorCount, MemoryAssigned
Write-Host 'Changing memory of the running nested host fails, as on Hyper-V:'
try { Set-VMMemory -VMName $VMName -StartupBytes 6GB } catch { Write-Host "  $($_.Exception.Message.Split("`n")[0])" }

Step 'MAC address spoofing: Get-VMNetworkAdapter -VMName <VMName> | Set-VMNetworkAdapter -MacAddressSpoofing On'
Get-VMNetworkAdapter -VMName $VMName | Set-VMNetworkAdapter -MacAddressSpoofing On
Get-VMNetworkAdapter -VMName $VMName | Format-Table VMName, Name, MacAddress, MacAddressSpoofing

Step 'NAT: new-vmswitch -name VmNAT -SwitchType Internal'
new-vmswitch -name VmNAT -SwitchType Internal
Get-VMNetworkAdapter -VMName $VMName | Connect-VMNetworkAdapter -SwitchName VmNAT

Step 'New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”'
New-NetNat –Name LocalNAT –InternalIPInterfaceAddressPrefix “192.168.100.0/24”

Step 'get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24'
get-netadapter "vEthernet (VmNat)" | New-NetIPAddress -IPAddress 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24

Step 'Inside the nested guest (here: the "Ethernet" stand-in of the namespace)'
if (Get-NetAdapter -Name Ethernet -ErrorAction SilentlyContinue) {
    get-netadapter "Ethernet" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway 192.168.100.1 -AddressFamily IPv4 -PrefixLength 24
    Netsh interface ip add dnsserver “Ethernet” address=192.168.100.1
} else {
    Write-Host '  (no adapter named "Ethernet" in this namespace: skipped)'
}

Step 'The result'
Get-VM | Format-Table Name, State, ProcessorCount, MemoryAssigned
Get-VMSwitch
Get-VMNetworkAdapter -VMName $VMName | Format-Table VMName, SwitchName, MacAddress, MacAddressSpoofing

Step 'Disabling nested virtualization (VM off)'
Stop-VM -Name $VMName -TurnOff
Set-VMProcessor -VMName $VMName -ExposeVirtualizationExtensions $false
Get-VMProcessor -VMName $VMName | Format-Table VMName, ExposeVirtualizationExtensions
Remove-Item -Recurse -Force $demoState
