function ps {
    [CmdletBinding(DefaultParameterSetName='ByName')]
    param(
        [Parameter(ParameterSetName='ByName')]$Name,
        [Parameter(ParameterSetName='ById')]$Id
    )
    $PSCmdlet.ParameterSetName
}
ps -Name x
ps -Id 1
ps
