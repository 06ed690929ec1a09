# about_Functions_Advanced_Methods: errors written with $PSCmdlet.WriteError() or thrown
# with $PSCmdlet.ThrowTerminatingError() carry the function's name in their
# FullyQualifiedErrorId, as errors of compiled cmdlets carry the cmdlet's.
function Stop-Lab {
    [CmdletBinding()]
    param()
    $err = [System.Management.Automation.ErrorRecord]::new(
        [System.InvalidOperationException]::new('lab is busy'),
        'LabBusy',
        [System.Management.Automation.ErrorCategory]::ResourceBusy,
        'lab01')
    $PSCmdlet.ThrowTerminatingError($err)
    'not reached'
}
try { Stop-Lab } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message
    $_.CategoryInfo.Category
    $_.TargetObject
}
function Test-Lab {
    [CmdletBinding()]
    param()
    $rec = [System.Management.Automation.ErrorRecord]::new(
        [System.Exception]::new('soft failure'), 'SoftFailure', 'NotSpecified', $null)
    $PSCmdlet.WriteError($rec)
    'continued'
}
Test-Lab -ErrorAction SilentlyContinue -ErrorVariable ev
$ev[0].FullyQualifiedErrorId
