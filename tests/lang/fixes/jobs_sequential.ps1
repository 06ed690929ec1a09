# Start-Job / Wait-Job / Receive-Job / Get-Job / Remove-Job (jobs run in the background:
# each is waited for before its results are read, so the output does not depend on timing)
$jobs = foreach ($vm in 'web01', 'db01') {
    Start-Job -Name "build-$vm" -ScriptBlock { param($name, $cores) "$name built with $cores cores" } -ArgumentList $vm, 2
}
$jobs.Name -join ','
$jobs.Id -join ','
$jobs | Wait-Job | Receive-Job
(Get-Job -Name 'build-web01').State
(Get-Job -Name 'build-web01').HasMoreData
$k = Start-Job { 40 + 2 } | Wait-Job
Receive-Job -Job $k -Keep
$k.HasMoreData
Receive-Job -Id $k.Id
$k.HasMoreData
$f = Start-Job { throw 'disk missing' } | Wait-Job
$f.State
$f | Receive-Job -ErrorAction SilentlyContinue -ErrorVariable jobErr
$jobErr[0].Exception.Message
Get-Job | Remove-Job
@(Get-Job).Count
