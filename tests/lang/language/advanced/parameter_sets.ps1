function pset {
    [CmdletBinding(DefaultParameterSetName='ByName')]
    param(
        [Parameter(ParameterSetName='ByName')]$Name,
        [Parameter(ParameterSetName='ById')]$Id
    )
    $PSCmdlet.ParameterSetName
}
pset -Name x
pset -Id 1
pset
