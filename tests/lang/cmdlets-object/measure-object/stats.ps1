$m = 1..10 | Measure-Object -Sum -Average -Maximum -Minimum
$m.Sum
$m.Average
$m.Maximum
$m.Minimum
$m.Count
$s = 2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -StandardDeviation
[math]::Round($s.StandardDeviation, 4)
$d = @([pscustomobject]@{ V = 2 }, [pscustomobject]@{ V = 5 })
($d | Measure-Object -Property V -Sum).Sum
($d | Measure-Object V -Maximum).Property
($d | Measure-Object V -AllStats).Average
