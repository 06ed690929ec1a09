$common = @{
    ErrorAction = 'Stop'
    Verbose     = $VerbosePreference -eq 'Continue'
}

$switchArgs = @{
    Name       = 'LabInternal'
    SwitchType = 'Internal'
}
New-VMSwitch @switchArgs @common

$vms = 'dc01', 'web01', 'sql01'
foreach ($vmName in $vms) {
    $args2 = @{
        Name               = $vmName
        MemoryStartupBytes = 2GB
        Generation         = 2
        NoVHD              = $true
    }
    if ($vmName -eq 'sql01') { $args2.MemoryStartupBytes = 8GB }
    $args2['SwitchName'] = $switchArgs.Name
    New-VM @args2 @common | Out-Null
}

function Copy-LabItem {
    param($Source, $Destination, [switch]$Force)
    Copy-Item @PSBoundParameters
}

$positional = @('a.txt', 'b.txt')
Copy-LabItem @positional -Force
$PSDefaultParameterValues['Get-VM:ErrorAction'] = 'SilentlyContinue'
