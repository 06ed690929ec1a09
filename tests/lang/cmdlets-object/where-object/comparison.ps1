$items = @(
    [pscustomobject]@{ Name = 'vm1'; State = 'Running'; Cpu = 10 }
    [pscustomobject]@{ Name = 'vm2'; State = 'Off'; Cpu = 0 }
    [pscustomobject]@{ Name = 'web1'; State = 'Running'; Cpu = 55 }
)
($items | Where-Object State -eq Off).Name
($items | Where-Object State -EQ 'running').Name
($items | Where-Object State -CEQ 'running').Count
($items | Where-Object State -ne 'Off').Name -join ','
($items | Where-Object Cpu -gt 5).Name -join ','
($items | Where-Object Cpu -ge 10).Name -join ','
($items | Where-Object Cpu -lt 10).Name
($items | Where-Object Cpu -le 10).Name -join ','
($items | Where-Object Name -like 'vm*').Name -join ','
($items | Where-Object Name -notlike 'vm*').Name
($items | Where-Object Name -match '^w').Name
($items | Where-Object Name -notmatch '\d$').Count
($items | Where-Object Name -in 'vm2', 'web1').Name -join ','
($items | Where-Object Name -notin 'vm2', 'web1').Name
($items | Where-Object Cpu).Name -join ','
($items | Where-Object Cpu -Not).Name
