# Job states: Failed after a throw, Stopped by Stop-Job; Remove-Job refuses a running job
# unless -Force; Get-Job selects by Id, name, state and command.
$f = Start-Job {throw 'disk missing'} | Wait-Job
$f.State
$f.JobStateInfo.State
$f.HasMoreData
try { Receive-Job $f -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
$f.HasMoreData
$s = Start-Job {Start-Sleep 30; 'never'}
$s.State
Remove-Job $s -ErrorAction SilentlyContinue -ErrorVariable rmErr
$rmErr[0].FullyQualifiedErrorId
$rmErr[0].CategoryInfo.Category
$rmErr[0].Exception.Message
@(Get-Job).Count
Stop-Job $s
$s.State
@(Receive-Job $s).Count
'--- Get-Job'
(Get-Job -State Stopped).Name
(Get-Job -State Failed).Name
(Get-Job -Name Job* | Sort-Object Id).Id -join ','
(Get-Job -Id 3).Command
(Get-Job -Command '*Sleep*').Id
Get-Job -Id 9 -ErrorAction SilentlyContinue -ErrorVariable gErr
$gErr[0].FullyQualifiedErrorId
$gErr[0].Exception.Message
Get-Job -Name nosuch -ErrorAction SilentlyContinue -ErrorVariable nErr
$nErr[0].Exception.Message
@(Get-Job -Name 'no*').Count
'--- Remove-Job -Force stops a running job'
$r = Start-Job {Start-Sleep 30}
Remove-Job $r -Force
$r.State
@(Get-Job).Count
Get-Job | Remove-Job
@(Get-Job).Count
