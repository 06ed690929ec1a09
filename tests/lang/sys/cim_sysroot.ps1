# Win32 classes from recorded host files ($env:HVSH_SYSROOT: os-release, /proc, dmi).
$env:HVSH_SYSROOT = "$PSScriptRoot/sysroot"
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$os | Select-Object Caption, Version, BuildNumber, OSArchitecture, CSName, TotalVisibleMemorySize, FreePhysicalMemory | Format-List
$os.LastBootUpTime.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss")
$os.PSObject.TypeNames[0]
$os.TotalVisibleMemorySize.GetType().Name

$cs = Get-CimInstance Win32_ComputerSystem
$cs | Format-List Name, Manufacturer, Model, NumberOfProcessors, NumberOfLogicalProcessors, TotalPhysicalMemory, HypervisorPresent

Get-CimInstance Win32_Processor | Format-Table DeviceID, NumberOfCores, NumberOfLogicalProcessors, VirtualizationFirmwareEnabled, SecondLevelAddressTranslationExtensions -AutoSize

# -Property fills in only what was asked (and the key)
$p = Get-CimInstance Win32_Processor -Property NumberOfCores -Filter "DeviceID = 'CPU1'"
"[{0}] [{1}] [{2}]" -f $p.DeviceID, $p.NumberOfCores, $p.Name

# WQL
(Get-CimInstance Win32_Processor -Filter "SocketDesignation LIKE '%1' AND NumberOfCores >= 2").DeviceID
(Get-CimInstance -Query "SELECT DeviceID FROM Win32_Processor WHERE NOT (DeviceID = 'CPU0')").DeviceID
@(Get-CimInstance Win32_Processor -Filter "Manufacturer <> 'GenuineIntel' OR MaxClockSpeed > 5000").Count
(Get-WmiObject -Class Win32_OperatingSystem).__CLASS
(Get-WmiObject -Query "select Caption from Win32_OperatingSystem").Caption
