# netsh commands that do not exist: netsh's message and exit code 1, nothing changed
netsh foo bar
"rc=$LASTEXITCODE"
Netsh interface ipx show
"rc=$LASTEXITCODE"
