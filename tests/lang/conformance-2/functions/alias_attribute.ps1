# about_Functions_CmdletBindingAttribute / about_Functions_Advanced: an [Alias()]
# attribute before param() creates aliases for the function when it is defined.
function Get-LabStatus {
    [Alias('gls', 'labstat')]
    [CmdletBinding()]
    param([string]$Name = 'lab')
    "status of $Name"
}
gls
labstat -Name dc01
(Get-Alias gls).Definition
(Get-Command labstat).CommandType
function Invoke-Thing {
    [Alias('ith')]
    param()
    'plain function alias'
}
ith
