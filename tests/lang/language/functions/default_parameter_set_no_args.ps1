function Mode {
    [CmdletBinding(DefaultParameterSetName = 'A')]
    param([Parameter(ParameterSetName = 'A')][switch]$Alpha, [Parameter(ParameterSetName = 'B')][switch]$Beta)
    $PSCmdlet.ParameterSetName
}
Mode
Mode -Beta
