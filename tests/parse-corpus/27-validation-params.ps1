function Set-LabVMConfig {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory = $true,
                   Position = 0,
                   ValueFromPipeline = $true,
                   ValueFromPipelineByPropertyName = $true)]
        [Alias('Name', 'VM')]
        [ValidateNotNullOrEmpty()]
        [string[]]$VMName,

        [ValidateRange(512MB, 64GB)]
        [long]$Memory,

        [ValidateCount(1, 4)]
        [ValidateSet('Internal', 'External', 'Private')]
        [string[]]$NetworkType,

        [ValidateLength(3, 15)]
        [string]$Computer,

        [AllowNull()]
        [AllowEmptyString()]
        [string]$Notes,

        [ValidateScript({
            if (Test-Path -Path $_ -PathType Leaf) { $true }
            else { throw "File '$_' does not exist." }
        })]
        [System.IO.FileInfo]$IsoPath,

        [PSCredential]
        [System.Management.Automation.Credential()]
        $Credential = [PSCredential]::Empty,

        [switch]$PassThru
    )

    process {
        foreach ($name in $VMName) {
            if ($PSCmdlet.ShouldProcess($name)) {
                $set = @{ VMName = $name }
                if ($PSBoundParameters.ContainsKey('Memory')) { $set.MemoryStartupBytes = $Memory }
                if ($PSBoundParameters.ContainsKey('Notes')) { $set.Notes = $Notes }
                Set-VM @set
                if ($IsoPath) { Set-VMDvdDrive -VMName $name -Path $IsoPath.FullName }
                if ($PassThru) { Get-VM -Name $name }
            }
        }
    }
}

'dc01', 'web01' | Set-LabVMConfig -Memory 2GB -WhatIf
Get-VM | Set-LabVMConfig -Notes $null -Confirm:$false
