# Import-Module of .psm1 and .psd1 (RootModule, FunctionsToExport), Export-ModuleMember,
# $env:PSModulePath lookup by name, Get-Module, Remove-Module, module-qualified names.
Import-Module ./modules/Simple.psm1
Get-Greeting
Get-Greeting -Name lab
"private visible: $([bool](Get-Command Get-Prefix -ErrorAction SilentlyContinue))"
(Get-Command Get-Greeting).Source
$env:PSModulePath = "$PSScriptRoot/modules"
Get-Module -ListAvailable -Name Lab* | ForEach-Object { "available: $($_.Name) $($_.Version) $($_.ModuleType)" }
Import-Module LabTools
New-LabName -Base web
Get-LabCount
"hidden visible: $([bool](Get-Command Hidden-Helper -ErrorAction SilentlyContinue))"
$m = Get-Module LabTools
"$($m.Name) $($m.Version) $($m.ModuleType)"
LabTools\Get-LabCount
Remove-Module LabTools
"after remove: $([bool](Get-Command New-LabName -ErrorAction SilentlyContinue))"
try { Import-Module NoSuchModule -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
Import-Module Microsoft.PowerShell.Utility
"utility loaded: $([bool](Get-Module Microsoft.PowerShell.Utility))"
try { Get-Prefix } catch { "private: $($_.FullyQualifiedErrorId)" }
