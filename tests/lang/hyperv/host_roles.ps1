# Get-VMHost, Get-VMIntegrationService and the role cmdlets (host-independent parts).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$h = Get-VMHost
$h.PSObject.TypeNames[0]
$h.LogicalProcessorCount
$h.MemoryCapacity / 1GB
$h.MacAddressMinimum
$h.NestedVirtualizationAvailable.GetType().Name
Get-VMIntegrationService -VMName web01
Get-VMIntegrationService -VMName db01 -Name Shutdown | Format-Table VMName, Name, Enabled, PrimaryStatusDescription
(Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V*).FeatureName
(Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell).State
(Get-WindowsFeature Hyper-V*).Name
(Get-WindowsFeature -Name Hyper-V).DisplayName
try { Get-WindowsOptionalFeature -Online -FeatureName Nope -ErrorAction Stop } catch { $_.Exception.Message }
