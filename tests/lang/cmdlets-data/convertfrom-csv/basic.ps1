$objs = 'Name,Cpu', 'vm1,2', '"vm,2",4' | ConvertFrom-Csv
$objs | ForEach-Object { "$($_.Name)|$($_.Cpu)" }
$objs[0].Cpu.GetType().Name
