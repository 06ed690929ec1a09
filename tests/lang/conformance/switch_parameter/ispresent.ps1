function Test-Switch { param([switch]$Force) $Force.IsPresent; $Force.GetType().Name; $Force.ToBool() }
Test-Switch -Force
Test-Switch
Test-Switch -Force:$false
$s = [switch]$true
$s.IsPresent
$s.GetType().FullName
if ($s) { "truthy" }
[bool]$s
