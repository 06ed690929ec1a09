& { "out"; Write-Warning "w"; Write-Error "e" } *> $null
"clean"
