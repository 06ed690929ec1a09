function New-LabName { param([string]$Base) "lab-$Base" }
function Get-LabCount { 3 }
function Hidden-Helper { "hidden" }
