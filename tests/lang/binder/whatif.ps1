# -WhatIf and $WhatIfPreference on SupportsShouldProcess cmdlets.
Set-Variable -Name a -Value 1 -WhatIf
"a defined: $([bool](Get-Variable -Name a -ErrorAction SilentlyContinue))"
$WhatIfPreference = $true
New-Variable -Name b -Value 2
Set-Alias -Name ll -Value Get-ChildItem
$WhatIfPreference = $false
New-Variable -Name c -Value 3 -WhatIf:$false
"c = $c"
Remove-Variable -Name c -WhatIf
"c still = $c"
Remove-Variable -Name c -Confirm:$false
"c gone = [$c]"
