function Get-Greeting { param([string]$Name = 'world') "hello $Name" }
function Get-Private { "private" }
Export-ModuleMember -Function Get-Greeting
