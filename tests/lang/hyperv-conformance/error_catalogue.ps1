# hyperv-cmdlets.md §11: what $Error[0] holds for the Hyper-V errors users meet most.
# Get-VM names the VM as the target ((N1:String)); the -VMName cmdlets and the
# "Failed to modify device" refusals have no target ((:)).
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
function Show-LastError {
    $e = $Error[0]
    $e.Exception.Message.Split("`n")[0]
    "$($e.CategoryInfo)"
    $e.CategoryInfo.Category
    $e.FullyQualifiedErrorId
    $e.Exception.GetType().FullName
    $null -eq $e.TargetObject
    $Error.Clear()
}
Get-VM N1 -ErrorAction SilentlyContinue
Show-LastError
Get-VMProcessor -VMName N1 -ErrorAction SilentlyContinue
Show-LastError
Set-VMProcessor -VMName N1 -ExposeVirtualizationExtensions $true -ErrorAction SilentlyContinue
Show-LastError
Get-VMMemory -VMName N1 -ErrorAction SilentlyContinue
Show-LastError
Set-VMMemory -VMName N1 -StartupBytes 4GB -ErrorAction SilentlyContinue
Show-LastError
Get-VMNetworkAdapter -VMName N1 -ErrorAction SilentlyContinue
Show-LastError
Get-VMSwitch -Name nosuch -ErrorAction SilentlyContinue
Show-LastError
# db01 is running: nesting and memory cannot change
Set-VMProcessor -VMName db01 -ExposeVirtualizationExtensions $true -ErrorAction SilentlyContinue
Show-LastError
Set-VMMemory -VMName db01 -DynamicMemoryEnabled $true -ErrorAction SilentlyContinue
Show-LastError
