# Parameter validation attributes and the errors they raise.
function Set-LabNetwork {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true, Position = 0)]
        [ValidatePattern('^[A-Za-z][\w-]{2,14}$')]
        [string]$SwitchName,

        [ValidateSet('Internal', 'Private', 'External')]
        [string]$Type = 'Internal',

        [ValidateRange(0, 4094)]
        [int]$VlanId = 0,

        [ValidateNotNullOrEmpty()]
        [string]$Subnet = '192.168.0.0/24',

        [ValidateScript({ $_ -match '^\d{1,3}(\.\d{1,3}){3}$' })]
        [string]$Gateway,

        [ValidateCount(1, 3)]
        [string[]]$DnsServers = @('1.1.1.1')
    )
    "{0} [{1}] vlan {2} subnet {3} gw {4} dns {5}" -f $SwitchName, $Type, $VlanId, $Subnet, $Gateway, ($DnsServers -join ',')
}

Set-LabNetwork LabNet -Type private -VlanId 10 -Gateway 10.0.0.1
Set-LabNetwork -SwitchName 'Core-01' -DnsServers '10.0.0.10', '10.0.0.11'

$tests = @(
    @{ SwitchName = '1bad' }
    @{ SwitchName = 'LabNet'; Type = 'Bridge' }
    @{ SwitchName = 'LabNet'; VlanId = 5000 }
    @{ SwitchName = 'LabNet'; Subnet = '' }
    @{ SwitchName = 'LabNet'; Gateway = 'not-an-ip' }
    @{ SwitchName = 'LabNet'; DnsServers = @('a', 'b', 'c', 'd') }
    @{ SwitchName = 'LabNet'; VlanId = 'ten' }
)
foreach ($t in $tests) {
    try {
        Set-LabNetwork @t -ErrorAction Stop
    } catch {
        $id = $_.FullyQualifiedErrorId -replace ',Set-LabNetwork$', ''
        "{0,-45} {1}" -f $id, ($t.Keys | Where-Object { $_ -ne 'SwitchName' })
    }
}
try { Set-LabNetwork -SwitchName LabNet -Type Bridge } catch { $_.Exception.Message }
try { Set-LabNetwork -SwitchName LabNet -VlanId 5000 } catch { $_.Exception.Message }
