# CIM errors: unknown class, unknown namespace, bad WQL.
$env:HVSH_SYSROOT = "$PSScriptRoot/sysroot"
Get-CimInstance -ClassName Win32_Nope -ErrorAction SilentlyContinue -ErrorVariable e1
"[$($e1[0].Exception.Message)] $($e1[0].CategoryInfo.Category)"
$e1[0].Exception.GetType().FullName
Get-CimInstance -ClassName Win32_OperatingSystem -Namespace root/nope -ErrorAction SilentlyContinue -ErrorVariable e2
"[$($e2[0].Exception.Message)] $($e2[0].CategoryInfo.Category)"
Get-CimInstance Win32_Processor -Filter "DeviceID = " -ErrorAction SilentlyContinue -ErrorVariable e3
"[$($e3[0].Exception.Message)] $($e3[0].CategoryInfo.Category)"
Get-CimInstance Win32_Processor -Filter "NoSuchProperty = 1" -ErrorAction SilentlyContinue -ErrorVariable e4
"[$($e4[0].Exception.Message)] $($e4[0].CategoryInfo.Category)"
Get-CimInstance -Query "SELECT * Win32_Processor" -ErrorAction SilentlyContinue -ErrorVariable e5
"[$($e5[0].Exception.Message)] $($e5[0].CategoryInfo.Category)"
try { Get-CimInstance Win32_Nope -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
(Get-CimInstance -ClassName Win32_OperatingSystem -Namespace root\cimv2).Caption
