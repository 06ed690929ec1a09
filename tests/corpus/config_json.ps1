# Stores lab settings as JSON, reads them back and merges defaults.
$ErrorActionPreference = 'Stop'
$work = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-corpus-json-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
$configPath = Join-Path $work 'lab.json'

$config = [ordered]@{
    LabName  = 'Contoso'
    Domain   = 'contoso.local'
    Network  = [ordered]@{ Subnet = '10.10.0.0/24'; Gateway = '10.10.0.1'; Dns = @('10.10.0.10', '1.1.1.1') }
    Machines = @(
        [ordered]@{ Name = 'DC01'; Role = 'DomainController'; MemoryMB = 2048 }
        [ordered]@{ Name = 'WEB01'; Role = 'Web'; MemoryMB = 1024 }
    )
    Enabled  = $true
}
$config | ConvertTo-Json -Depth 5 | Set-Content -Path $configPath -Encoding utf8
Write-Host "Saved config to lab.json: $(Test-Path $configPath)"
Get-Content $configPath | Select-Object -First 6

$loaded = Get-Content -Path $configPath -Raw | ConvertFrom-Json
"Lab: {0} ({1})" -f $loaded.LabName, $loaded.Domain
"DNS servers: $($loaded.Network.Dns -join ', ')"
foreach ($m in $loaded.Machines) {
    "{0,-6} {1,-17} {2,6} MB" -f $m.Name, $m.Role, $m.MemoryMB
}
$total = ($loaded.Machines | Measure-Object -Property MemoryMB -Sum).Sum
"Total memory: $total MB"
$loaded.Enabled.GetType().Name
$loaded.Machines[0].MemoryMB.GetType().Name

# add a machine and save it compressed
$loaded.Machines += [pscustomobject]@{ Name = 'SQL01'; Role = 'Database'; MemoryMB = 4096 }
$loaded | ConvertTo-Json -Depth 5 -Compress | Set-Content $configPath
(Get-Content $configPath -Raw).Trim()
(Get-Content $configPath | ConvertFrom-Json).Machines.Name -join ','
Remove-Item -Path $work -Recurse -Force
Test-Path $work
