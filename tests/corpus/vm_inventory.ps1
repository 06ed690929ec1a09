# Inventory report of the lab host's VMs (fixture: tests/fixtures/lab.xml).
$fixture = Join-Path $PSScriptRoot '../fixtures/lab.xml'
$env:HVSH_URI = "test://$((Resolve-Path $fixture).Path)"

$vms = Get-VM
Write-Host "Found $($vms.Count) virtual machines"
$report = foreach ($vm in $vms) {
    $nics = @(Get-VMNetworkAdapter -VMName $vm.Name)
    [pscustomobject]@{
        VMName     = $vm.Name
        State      = $vm.State
        vCPU       = $vm.ProcessorCount
        StartupGB  = [math]::Round($vm.MemoryStartup / 1GB, 1)
        DynamicMem = $vm.DynamicMemoryEnabled
        NICs       = $nics.Count
        Switches   = ($nics.SwitchName | Sort-Object -Unique) -join ','
    }
}
$report | Sort-Object VMName | Format-Table -AutoSize
$report | Where-Object { $_.State -eq 'Running' } | ForEach-Object { "$($_.VMName) is running with $($_.vCPU) vCPUs" }
$byState = $report | Group-Object -Property State
foreach ($g in $byState | Sort-Object Name) { '{0,-8}: {1}' -f $g.Name, ($g.Group.VMName -join ', ') }
'Total startup memory: {0} GB' -f ($report | Measure-Object StartupGB -Sum).Sum
$report | Sort-Object StartupGB -Descending | Select-Object -First 1 -Property VMName, StartupGB | Format-List
Get-VM | Where-Object Name -like 'web*' | Select-Object Name, State, ProcessorCount
(Get-VM -Name 'My VM (1)').Notes
