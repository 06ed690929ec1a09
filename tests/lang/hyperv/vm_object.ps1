# VirtualMachine objects: type names, properties, enums that compare with strings.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$vm = Get-VM 'My VM (1)'
$vm.PSObject.TypeNames[0]
$vm.VMName
$vm.VMId.ToString()
$vm.Id -eq $vm.VMId
$vm.State
$vm.State -eq 'off'
$vm.State -eq [Microsoft.HyperV.PowerShell.VMState]::Off
$vm.State -ne 'Running'
[int]$vm.State
$vm.State.GetType().FullName
$vm.ProcessorCount
$vm.MemoryStartup / 1MB
$vm.MemoryMinimum / 1MB
$vm.MemoryMaximum / 1MB
$vm.DynamicMemoryEnabled
$vm.MemoryAssigned
$vm.Generation
$vm.Notes
$vm.Uptime.ToString()
$vm.ParentCheckpointId -eq $null
$vm.Status
$vm.NetworkAdapters.Count
$vm.NetworkAdapters[0].Name
$db = Get-VM db01
$db.State
$db.MemoryAssigned / 1MB
(Get-VM | Where-Object State -eq 'Running').Name
(Get-VM | Where-Object { $_.State -eq 'off' }).Count
