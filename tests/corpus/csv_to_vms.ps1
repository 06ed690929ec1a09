# Creates VMs from a CSV inventory and exports the result, as change-request scripts do.
$env:HVSH_URI = 'test:///default'
$inventory = Join-Path $PWD 'vms.csv'
@'
Name;MemoryGB;CPU;Generation;Switch;Notes
"APP-01";2;2;2;default;"Front end, tier 1"
"APP-02";2;2;2;default;"Front end, tier 1"
"DB-01";8;4;2;default;"SQL; primary"
"LEGACY-01";1;1;1;default;
'@ | Set-Content -Path $inventory

$rows = Import-Csv -Path $inventory -Delimiter ';'
"{0} rows, columns: {1}" -f $rows.Count, ($rows[0].PSObject.Properties.Name -join ',')
$created = foreach ($row in $rows) {
    $params = @{
        Name               = $row.Name
        MemoryStartupBytes = [int64]$row.MemoryGB * 1GB
        Generation         = [int]$row.Generation
        SwitchName         = $row.Switch
        NoVHD              = $true
    }
    $vm = New-VM @params
    Set-VMProcessor -VM $vm -Count ([int]$row.CPU)
    if ($row.Notes) { Set-VM -VM $vm -Notes $row.Notes }
    Get-VM -Name $row.Name
}
"Created: $(($created | ForEach-Object Name) -join ', ')"
$export = Join-Path $PWD 'created.csv'
$created | Select-Object Name, ProcessorCount, @{ n = 'MemoryGB'; e = { $_.MemoryStartup / 1GB } }, Generation, Notes |
    Export-Csv -Path $export -NoTypeInformation
Get-Content $export
(Import-Csv $export | Where-Object { [int]$_.MemoryGB -ge 2 } | Measure-Object).Count
Import-Csv $export | Group-Object Generation | Sort-Object Name -Descending | ForEach-Object { "Gen $($_.Name): $($_.Count)" }
$created | Remove-VM -Force
Remove-Item $inventory, $export
