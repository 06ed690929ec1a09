$rows = [pscustomobject]@{Name = 'vm1'; Cpu = 2}, [pscustomobject]@{Name = 'vm,2'; Cpu = 4}
$rows | ConvertTo-Csv
$rows | ConvertTo-Csv -NoTypeInformation -Delimiter ';'
