$o = $null
$o?.Name
$null -eq $o?.Name
${o}?.Length
$a = $null
${a}?[0]
"ok"
