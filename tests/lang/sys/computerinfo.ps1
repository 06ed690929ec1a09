# Get-ComputerInfo from recorded host files: the Hyper-V requirement checks lab scripts run.
$env:HVSH_SYSROOT = "$PSScriptRoot/sysroot"
Get-ComputerInfo -Property OsName, OsVersion, OsBuildNumber, CsName, CsManufacturer, CsModel, CsNumberOfProcessors, CsNumberOfLogicalProcessors, CsProcessors, HyperV*
$ci = Get-ComputerInfo
$ci.OsLastBootUpTime.ToUniversalTime().ToString("u")
$ci.CsTotalPhysicalMemory / 1KB -eq $ci.OsTotalVisibleMemorySize
$ci.PSObject.TypeNames[0]
