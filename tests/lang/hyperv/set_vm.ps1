# Set-VM: notes, rename (same VMId), processors, memory switches, automatic actions.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$id = (Get-VM web01).VMId
Set-VM -Name web01 -Notes 'Größe: 2 vCPU' -ProcessorCount 1 -AutomaticStopAction ShutDown -AutomaticStartAction Nothing -AutomaticStartDelay 30
Get-VM web01 | Format-List Name, Notes, ProcessorCount, AutomaticStopAction, AutomaticStartAction, AutomaticStartDelay
Set-VM web01 -NewVMName 'web 01 (renamed)' -Passthru | Format-Table Name, State
(Get-VM 'web 01 (renamed)').VMId -eq $id
@(Get-VM web01 -ErrorAction SilentlyContinue).Count
Get-VM 'web 01*' | Set-VM -DynamicMemory -MemoryMinimumBytes 256MB -MemoryMaximumBytes 8GB -MemoryStartupBytes 1GB
Get-VM 'web 01*' | Format-Table Name, DynamicMemoryEnabled, MemoryStartup, MemoryMinimum, MemoryMaximum
Set-VM -VM (Get-VM 'web 01*') -StaticMemory -MemoryStartupBytes 512MB -CheckpointType Production
(Get-VM 'web 01*').CheckpointType
# running: processor count refused, nothing else changed either
try { Set-VM db01 -ProcessorCount 1 -Notes changed -ErrorAction Stop } catch { $_.Exception.Message.Split("`n")[0]; $_.FullyQualifiedErrorId }
(Get-VM db01).Notes -eq ''
try { Set-VM db01 -DynamicMemory -StaticMemory -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VM 'My VM (1)' -NewVMName db01 -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message }
try { Set-VM web01 -AutomaticStopAction Hibernate -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
