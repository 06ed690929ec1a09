[CmdletBinding()]
param(
    [string]$Prefix = "lab",
    [int]$Count = 3
)

$ErrorActionPreference = 'Stop'

function New-LabVmSpec {
    param(
        [Parameter(Mandatory)][string]$Name,
        [ValidateRange(1, 64)][int]$Cpu = 2,
        [long]$MemoryMB = 2048
    )
    [pscustomobject]@{
        Name     = $Name
        Cpu      = $Cpu
        MemoryGB = $MemoryMB / 1024
    }
}

$specs = foreach ($i in 1..$Count) {
    New-LabVmSpec -Name ("{0}-vm{1:D2}" -f $Prefix, $i) -Cpu ($i * 2)
}

"Planned $($specs.Count) VMs"
foreach ($s in $specs) {
    "{0,-10} cpu={1} mem={2}GB" -f $s.Name, $s.Cpu, $s.MemoryGB
}

$total = ($specs | Measure-Object -Property Cpu -Sum).Sum
"Total CPUs: $total"

$byCpu = @{}
$specs | ForEach-Object { $byCpu[$_.Name] = $_.Cpu }
($byCpu.Keys | Sort-Object) -join ", "

try {
    New-LabVmSpec -Name bad -Cpu 100
} catch {
    "Rejected: $($_.Exception.Message.Split('.')[0])"
}

$names = $specs.Name -replace '^lab-', ''
$names -join ' '
