function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    param($Name)
    if ($PSCmdlet.ShouldProcess($Name, "Remove")) { "removed $Name" }
}
Remove-Thing x
Remove-Thing y -WhatIf
