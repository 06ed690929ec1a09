[CmdletBinding()]
param([string[]]$VMName = @('dc01', 'web01'))

$failures = [System.Collections.Generic.List[object]]::new()

foreach ($name in $VMName) {
    try {
        $vm = Get-VM -Name $name -ErrorAction Stop
        if ($vm.State -eq 'Running') {
            Stop-VM -VM $vm -Force -ErrorAction Stop
        }
    }
    catch [Microsoft.HyperV.PowerShell.VirtualizationException] {
        $failures.Add([pscustomobject]@{ VM = $name; Error = $_.Exception.Message })
    }
    catch {
        $PSCmdlet.WriteError($_)
    }
}

if ($failures.Count -gt 0) {
    $failures | Format-Table -AutoSize | Out-String | Write-Warning
    exit 1
}

function Assert-Admin {
    if ($env:USER -ne 'root') {
        $ex = [System.UnauthorizedAccessException]::new('Run as root.')
        $record = [System.Management.Automation.ErrorRecord]::new($ex, 'NotRoot',
            [System.Management.Automation.ErrorCategory]::PermissionDenied, $null)
        $PSCmdlet.ThrowTerminatingError($record)
    }
}

Write-Error -Message 'custom error' -Category InvalidArgument -ErrorId 'Lab.Bad' -TargetObject $VMName -ErrorAction SilentlyContinue
$Error[0].FullyQualifiedErrorId
$Error.Clear()
throw [System.InvalidOperationException]::new('stop here')
