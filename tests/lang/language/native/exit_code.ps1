/bin/false
$?
$LASTEXITCODE
/bin/true
$?
$LASTEXITCODE
