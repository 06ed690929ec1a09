# Get-/Set-VMMemory: dynamic memory mapping, bounds, refusal while a nested VM runs.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMMemory -VMName *
Set-VMMemory -VMName web01 -DynamicMemoryEnabled $true -MinimumBytes 512MB -StartupBytes 1GB -MaximumBytes 4GB -Buffer 25 -Priority 80
Get-VMMemory -VMName web01 | Format-List DynamicMemoryEnabled, Startup, Minimum, Maximum, Buffer, Priority
Set-VMMemory web01 -DynamicMemoryEnabled $false -StartupBytes 2GB -Passthru
(Get-VM web01).MemoryStartup -eq 2GB
# db01 runs with virtualization extensions exposed: memory cannot change
try {
    Set-VMMemory -VMName db01 -StartupBytes 2GB -ErrorAction Stop
} catch {
    $_.Exception.Message
    $_.CategoryInfo.Category
    $_.FullyQualifiedErrorId
}
(Get-VMMemory db01).Startup / 1MB
# validation happens before anything changes
try { Set-VMMemory web01 -StartupBytes 1000000 -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMMemory web01 -DynamicMemoryEnabled $true -MinimumBytes 4GB -StartupBytes 1GB -MaximumBytes 8GB -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMMemory web01 -Buffer 1 -ErrorAction Stop } catch { $_.Exception.Message }
(Get-VMMemory web01).DynamicMemoryEnabled
# Set-VM's memory switches and the seed's rule for a running nested VM
Set-VM -Name 'My VM (1)' -StaticMemory -MemoryStartupBytes 2GB
Get-VMMemory 'My VM (1)' | Format-Table VMName, DynamicMemoryEnabled, Startup
Start-VM web01
Set-VMMemory web01 -StartupBytes 1GB
(Get-VM web01).MemoryAssigned / 1MB
