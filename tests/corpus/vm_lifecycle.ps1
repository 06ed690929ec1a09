# Start/stop/checkpoint workflow over a set of lab VMs.
$env:HVSH_URI = 'test://' + (Join-Path $PSScriptRoot '..' 'fixtures' 'lab.xml')
$ErrorActionPreference = 'Stop'

$targets = Get-VM | Where-Object { $_.State -eq 'Off' } | Sort-Object Name
"Off before: $($targets.Name -join ', ')"
foreach ($vm in $targets) {
    Write-Verbose "Starting $($vm.Name)" -Verbose
    Start-VM -VM $vm
}
Get-VM | Sort-Object Name | Format-Table Name, State -AutoSize

# checkpoint everything that runs, with a dated name
$stamp = '2024-01-15'
Get-VM | Where-Object State -eq 'Running' | ForEach-Object {
    Checkpoint-VM -VM $_ -SnapshotName "Before patch $stamp"
}
Get-VMSnapshot -VMName * | Sort-Object VMName | ForEach-Object { '{0} -> {1}' -f $_.VMName, $_.Name }
@(Get-VMSnapshot -VMName web01).Count

# shut everything down again
Get-VM | Where-Object State -eq 'Running' | Stop-VM -Force -TurnOff
(Get-VM | Group-Object State | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '

# remove the checkpoints older than today
Get-VMSnapshot -VMName web01 | Remove-VMSnapshot
@(Get-VMSnapshot -VMName web01).Count
try {
    Start-VM -Name 'does-not-exist'
} catch {
    Write-Host "Start failed: $($_.Exception.Message)"
}
