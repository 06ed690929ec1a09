function Sw { param([switch]$On) $On.IsPresent; $On.GetType().Name; if ($On) { "on" } else { "off" } }
Sw -On
Sw
