# -ComputerName: $env:HVSH_URI_TEMPLATE maps a host name to a libvirt URI ({0} = the name).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$env:HVSH_URI_TEMPLATE = "test://$PSScriptRoot/../../fixtures/{0}.xml"
(Get-VM -ComputerName demo).Name
(Get-VM).Name.Count
Get-VM -ComputerName demo, lab | ForEach-Object Name
# each host keeps its own state for the life of the shell
Start-VM NestedHost -ComputerName demo
(Get-VM NestedHost -ComputerName demo).State
Get-VM -ComputerName demo | Stop-VM -TurnOff
(Get-VM NestedHost -ComputerName demo).State
(Get-VMSwitch -ComputerName lab).Name
try { Get-VM -ComputerName nohost -ErrorAction Stop } catch { $_.CategoryInfo.Category }
# localhost means the local connection ($env:HVSH_URI)
(Get-VM -ComputerName localhost).Count
