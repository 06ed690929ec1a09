# Start-Job / Wait-Job / Receive-Job / Get-Job / Remove-Job (jobs run at once in hvsh;
# the results a script collects are the same as pwsh's)
$jobs = foreach ($vm in 'web01', 'db01') {
    Start-Job -Name "build-$vm" -ScriptBlock { param($name, $cores) "$name built with $cores cores" } -ArgumentList $vm, 2
}
$jobs.Name -join ','
$jobs.Id -join ','
$jobs | Wait-Job | Receive-Job
(Get-Job -Name 'build-web01').State
(Get-Job -Name 'build-web01').HasMoreData
$k = Start-Job { 40 + 2 }
Receive-Job -Job $k -Keep
$k.HasMoreData
Receive-Job -Id $k.Id
$k.HasMoreData
$f = Start-Job { throw 'disk missing' }
$f.State
$f | Receive-Job -ErrorAction SilentlyContinue -ErrorVariable jobErr
$jobErr[0].Exception.Message
Get-Job | Remove-Job
@(Get-Job).Count
