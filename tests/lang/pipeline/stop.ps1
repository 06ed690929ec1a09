# Select-Object -First stops the producer: its remaining work and end block never run.
function Gen {
    end {
        foreach ($i in 1..1000000) { Write-Host "gen $i"; $i }
        Write-Host "never"
    }
}
$r = Gen | Select-Object -First 2
"r = $r"
$big = 1..100000000 | Select-Object -First 3
"big = $big"
