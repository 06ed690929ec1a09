$script:calls = 0
function side { $script:calls++; $true }
$false -and (side)
$true -or (side)
$true -and (side)
"calls=$calls"
