# about_Using: `using module` loads a module (a path is relative to the script) before the
# script runs; its functions, classes and enums can be used in the script.
using module ./LabTools/LabTools.psm1

$m = [LabMachine]::new('dc01', [LabRole]::DC)
"$m"
$m.Role.GetType().Name
[LabRole]'Router'
Get-LabGreeting -Name 'lab'
class Router : LabMachine {
    Router([string]$n) : base($n, [LabRole]::Router) {}
}
"$([Router]::new('gw'))"
(Get-Module LabTools).Name
