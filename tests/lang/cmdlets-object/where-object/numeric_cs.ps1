$n = 1..5 | ForEach-Object { [pscustomobject]@{ V = $_ } }
($n | Where-Object V -CGT 3).V -join ','
($n | Where-Object V -CGE 3).V -join ','
($n | Where-Object V -CLT 3).V -join ','
($n | Where-Object V -CLE 3).V -join ','
($n | Where-Object V 2).V
($n | Where-Object -Property V -Value 4 -EQ).V
(Where-Object -InputObject $n[0] -FilterScript { $true }).V
