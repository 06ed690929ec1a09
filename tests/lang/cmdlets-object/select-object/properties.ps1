$p = [pscustomobject]@{ Name = 'vm1'; State = 'Running'; Memory = 4096; Cpu = 2 }
$p | Select-Object Name, Memory | Format-Table
$p | Select-Object -Property *e* | Format-Table
$s = $p | Select-Object Name, Missing
($s | Get-Member -MemberType NoteProperty).Name -join ','
$null -eq $s.Missing
($p | Select-Object * -ExcludeProperty Cpu, S*).Memory
