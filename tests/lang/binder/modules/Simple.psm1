function Get-Greeting { param([string]$Name = 'world') "$(Get-Prefix) $Name" }
function Get-Prefix { "hello" }
Export-ModuleMember -Function Get-Greeting
