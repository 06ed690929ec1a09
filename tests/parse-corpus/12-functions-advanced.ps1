function New-LabNetwork {
    <#
    .SYNOPSIS
        Creates a lab network definition.
    .PARAMETER Name
        The network name.
    #>
    [CmdletBinding(DefaultParameterSetName = 'ByPrefix', SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, Position = 0, HelpMessage = 'Network name')]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory, ParameterSetName = 'ByPrefix')]
        [ValidateScript({ $_ -match '^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$' })]
        [string]$Prefix,

        [Parameter(Mandatory, ParameterSetName = 'ByRange')]
        [ipaddress]$StartAddress,

        [Parameter(ParameterSetName = 'ByRange')]
        [ValidateRange(1, 65535)]
        [int]$Count = 254,

        [ValidateSet('Internal', 'External', 'Private', IgnoreCase = $true)]
        [string]$Type = 'Internal',

        [Parameter(ValueFromRemainingArguments = $true)]
        $Rest
    )

    begin {
        Write-Verbose "Parameter set: $($PSCmdlet.ParameterSetName)"
    }

    process {
        if ($PSBoundParameters.ContainsKey('Prefix')) {
            $addr, $len = $Prefix.Split('/')
            $len = [int]$len
        } else {
            $addr = $StartAddress.ToString()
            $len = 32 - [math]::Ceiling([math]::Log($Count + 2, 2))
        }
        if ($PSCmdlet.ShouldProcess($Name, "Create $Type network $addr/$len")) {
            [pscustomobject]@{
                PSTypeName = 'Lab.Network'
                Name       = $Name
                Address    = $addr
                Length     = $len
                Type       = $Type
            }
        }
    }
}

filter ConvertTo-Cidr {
    "$($_.Address)/$($_.Length)"
}

New-LabNetwork -Name lan -Prefix 10.0.0.0/24 | ConvertTo-Cidr
New-LabNetwork lan2 -StartAddress 10.1.0.1 -Count 30 -Verbose:$false
