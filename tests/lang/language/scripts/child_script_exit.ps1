& ./fixtures/child_exit.ps1
"parent continues"
$LASTEXITCODE
