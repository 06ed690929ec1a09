# Named parameters: case-insensitive, unique prefixes, -Name:value, -Switch:$false.
function Test-Bind {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)][string]$Name,
        [string]$NewName,
        [int]$Count,
        [switch]$Force
    )
    "Name=$Name NewName=$NewName Count=$Count Force=$Force"
}
Test-Bind web01
Test-Bind -name web02 -FORCE
Test-Bind -Na web03 -Ne other
Test-Bind -Name:web04 -Force:$false
Test-Bind -Count "12" -Name x
Test-Bind -Cou 3.6
