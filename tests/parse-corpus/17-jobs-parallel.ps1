$vms = Get-VM | Where-Object State -eq 'Off'

$jobs = foreach ($vm in $vms) {
    Start-Job -Name "start-$($vm.Name)" -ScriptBlock {
        param($name)
        Start-VM -Name $name
        Get-VM -Name $name | Select-Object Name, State
    } -ArgumentList $vm.Name
}
$jobs | Wait-Job -Timeout 120 | Receive-Job -AutoRemoveJob -Wait

$results = 1..8 | ForEach-Object -Parallel {
    $n = $_
    Start-Sleep -Milliseconds (10 * $n)
    [pscustomobject]@{ N = $n; Square = $n * $n; Worker = $using:PID }
} -ThrottleLimit 4
$results | Sort-Object N | Format-Table

Get-Process -Id $PID &
$bg = Start-ThreadJob { 42 }
Receive-Job $bg -Wait
