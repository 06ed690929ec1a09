# Objects stream one at a time: each object goes through every stage before the next.
1..3 | ForEach-Object { "a$_"; $_ } | ForEach-Object { "b$_" }
function Src { process { Write-Host "src $_"; $_ } }
function Dst { process { Write-Host "dst $_" } }
1..2 | Src | Dst
