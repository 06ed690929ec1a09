#region Private helpers
$script:LabRoot = Join-Path $env:HOME 'lab'
$script:Log = [System.Collections.Generic.List[string]]::new()

function Write-LabLog {
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [string]$Message,
        [ValidateSet('Info', 'Warn', 'Error')]
        [string]$Level = 'Info'
    )
    process {
        $line = "[{0:yyyy-MM-dd HH:mm:ss}] {1,-5} {2}" -f (Get-Date), $Level.ToUpper(), $Message
        $script:Log.Add($line)
        switch ($Level) {
            'Warn'  { Write-Warning $Message }
            'Error' { Write-Error $Message }
            default { Write-Verbose $Message }
        }
    }
}
#endregion

function Get-LabVM {
    [CmdletBinding()]
    [OutputType([object[]])]
    param(
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string[]]$Name = '*'
    )
    foreach ($n in $Name) {
        Get-VM -Name $n -ErrorAction SilentlyContinue |
            Where-Object { $_.Notes -like '*lab*' }
    }
}

function Remove-LabVM {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [Alias('VMName')]
        [string]$Name,
        [switch]$KeepDisks
    )
    begin {
        $removed = 0
    }
    process {
        if (-not $PSCmdlet.ShouldProcess($Name, 'Remove lab VM')) { return }
        $vm = Get-VM -Name $Name
        if ($vm.State -ne 'Off') {
            Stop-VM -Name $Name -TurnOff -Force
        }
        $disks = @($vm.HardDrives | ForEach-Object Path)
        Remove-VM -Name $Name -Force
        if (-not $KeepDisks) {
            $disks | Remove-Item -Force -ErrorAction Continue
        }
        $removed++
        "Removed $Name" | Write-LabLog
    }
    end {
        Write-LabLog "Removed $removed VM(s)."
    }
}

Export-ModuleMember -Function Get-LabVM, Remove-LabVM, Write-LabLog
