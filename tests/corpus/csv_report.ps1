# Capacity report from CSV data: import, compute, group, export.
$csv = @'
Host,VM,vCPU,MemoryGB,DiskGB,Owner
HV01,DC01,2,4,60,infra
HV01,WEB01,2,4,80,web
HV01,WEB02,2,4,80,web
HV02,SQL01,8,32,500,data
HV02,SQL02,8,32,500,data
HV02,APP01,4,8,120,web
'@
$rows = $csv | ConvertFrom-Csv
"Rows: $($rows.Count)"
$rows[0].vCPU.GetType().Name

$perHost = $rows | Group-Object Host | ForEach-Object {
    $mem = ($_.Group | Measure-Object -Property MemoryGB -Sum).Sum
    $cpu = ($_.Group | ForEach-Object { [int]$_.vCPU } | Measure-Object -Sum).Sum
    [pscustomobject]@{
        Host     = $_.Name
        VMs      = $_.Count
        vCPU     = $cpu
        MemoryGB = $mem
        DiskTB   = [math]::Round((($_.Group.DiskGB | ForEach-Object { [double]$_ }) | Measure-Object -Sum).Sum / 1024, 2)
    }
}
$perHost | Format-Table -AutoSize

$rows | Group-Object Owner -NoElement | Sort-Object Count -Descending | Format-Table Count, Name -AutoSize
$rows | Sort-Object { [int]$_.MemoryGB }, VM -Descending | Select-Object -First 3 VM, MemoryGB | Format-Table -AutoSize

$out = Join-Path $PWD 'capacity.csv'
$perHost | Export-Csv -Path $out -NoTypeInformation
Get-Content $out
$back = Import-Csv $out
$back | Where-Object { [int]$_.vCPU -gt 10 } | ForEach-Object { "$($_.Host) is oversubscribed" }
$rows | Select-Object VM, Owner | ConvertTo-Csv -NoTypeInformation | Select-Object -First 3
$rows | Measure-Object -Property DiskGB -Average -Minimum -Maximum | ForEach-Object { 'avg={0:N1} min={1} max={2}' -f $_.Average, $_.Minimum, $_.Maximum }
($rows.VM | Where-Object { $_ -like 'WEB*' }) -join ';'
Remove-Item $out
