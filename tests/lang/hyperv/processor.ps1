# Set-VMProcessor -ExposeVirtualizationExtensions: only while the VM is off; -Count; views.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VMProcessor -VMName web01, db01
Set-VMProcessor -VMName web01 -ExposeVirtualizationExtensions $true
(Get-VMProcessor -VMName web01).ExposeVirtualizationExtensions
Set-VMProcessor -VMName web01 -Count 1 -Passthru | Format-List VMName, Count, ExposeVirtualizationExtensions
Get-VM web01 | Get-VMProcessor | Set-VMProcessor -ExposeVirtualizationExtensions $false
(Get-VM web01 | Get-VMProcessor).ExposeVirtualizationExtensions
# running: refused, nothing changes
try {
    Set-VMProcessor -VMName db01 -ExposeVirtualizationExtensions $false -ErrorAction Stop
} catch {
    $_.Exception.Message
    $_.CategoryInfo.Category
    $_.FullyQualifiedErrorId
}
(Get-VMProcessor -VMName db01).ExposeVirtualizationExtensions
Set-VMProcessor -VMName db01 -Count 2 -ErrorAction SilentlyContinue
(Get-VMProcessor -VMName db01).Count
try { Set-VMProcessor -VMName web01 -Count 99 -ErrorAction Stop } catch { $_.Exception.Message }
try { Set-VMProcessor -VMName ghost -Count 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }
# -VMName takes wildcards (MSLab does this)
Set-VMProcessor -VMName web* -ExposeVirtualizationExtensions $true
Get-VMProcessor -VMName * | Format-Table VMName, Count, ExposeVirtualizationExtensions
