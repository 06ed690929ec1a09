# SupportsShouldProcess functions: -WhatIf per pipeline object, -Confirm:$false, and
# ConfirmImpact High asking for confirmation (an error in -NonInteractive mode).
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory, ValueFromPipeline)][string]$Name)
    process {
        if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" }
    }
}
'a', 'b' | Remove-Thing -WhatIf
Remove-Thing -Name c -Confirm:$false
Remove-Thing -Name d
"end"
