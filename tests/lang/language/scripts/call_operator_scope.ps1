& ./fixtures/lib.ps1
$null -eq $libVar
