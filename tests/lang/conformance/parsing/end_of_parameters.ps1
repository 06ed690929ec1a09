Write-Output -- -InputObject
function Show-Args { param($p) "p=$p"; "args=$($args -join ',')" }
Show-Args -- -x -y
Show-Args -p 1 -- --
Write-Output "--"
