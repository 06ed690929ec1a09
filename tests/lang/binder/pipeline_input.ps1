# Pipeline input: ValueFromPipeline, ValueFromPipelineByPropertyName (also by alias),
# InputObjectNotBound for objects that fit nothing.
function Set-Address {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)][Alias('ifAlias')][string]$InterfaceAlias,
        [Parameter(ValueFromPipelineByPropertyName)][int]$PrefixLength = 24,
        [Parameter(Mandatory)][string]$IPAddress
    )
    process { "$InterfaceAlias <- $IPAddress/$PrefixLength" }
}
[pscustomobject]@{ InterfaceAlias = 'vEthernet (VmNat)'; ifIndex = 7 } | Set-Address -IPAddress 192.168.100.1
[pscustomobject]@{ ifAlias = 'eth1'; PrefixLength = '16' } | Set-Address -IPAddress 10.0.0.1
function Show-Value {
    param([Parameter(ValueFromPipeline)][int]$Value)
    process { "value $Value" }
}
1, "2", 3.0 | Show-Value
function No-Input { [CmdletBinding()] param([string]$Name) process { "ran" } }
$r = 5 | No-Input -ErrorVariable ev -ErrorAction SilentlyContinue
"ev: $($ev[0].FullyQualifiedErrorId)"
$ev[0].Exception.Message
function Set-Pair {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$Alias,
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)][int]$Index
    )
    process { "pair $Alias $Index" }
}
[pscustomobject]@{ Alias = 'x'; Index = 1 }, [pscustomobject]@{ Alias = 'y' } |
    Set-Pair -ErrorVariable pe -ErrorAction SilentlyContinue
$pe[0].FullyQualifiedErrorId
$pe[0].Exception.Message
