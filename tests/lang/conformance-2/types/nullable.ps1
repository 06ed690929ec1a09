# [Nullable[T]] (System.Nullable`1): a value type that can also hold $null. An unbound
# [Nullable[int]] parameter is $null (an [int] one is 0); a value converts to T.
function Set-LabCpu {
    param([Nullable[int]]$Count, [int]$Plain)
    if ($null -eq $Count) { 'Count not given' } else { "Count = $Count ($($Count.GetType().Name))" }
    "Plain = $Plain"
}
Set-LabCpu
Set-LabCpu -Count '4'
[Nullable[int]]$n = $null
$null -eq $n
$n = '12'
$n + 1
[System.Nullable[datetime]]$when = $null
$null -eq $when
[Nullable[bool]]$flag = 1
$flag
