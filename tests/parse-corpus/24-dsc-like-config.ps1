$LabConfig = @{
    AllNodes = @(
        @{
            NodeName        = '*'
            DomainName      = 'lab.local'
            PSDscAllowPlainTextPassword = $true
        },
        @{
            NodeName = 'DC01'
            Role     = 'DomainController'
            IPv4     = '10.0.0.10/24'
        },
        @{
            NodeName = 'SRV01'
            Role     = @('FileServer', 'WebServer')
            IPv4     = '10.0.0.20/24'
        }
    )
    NonNodeData = @{
        Switches = @(
            @{ Name = 'LabNet'; Type = 'Internal'; Nat = '10.0.0.0/24' }
        )
    }
}

$defaults = $LabConfig.AllNodes | Where-Object NodeName -eq '*'
$nodes = $LabConfig.AllNodes | Where-Object { $_.NodeName -ne '*' }

foreach ($node in $nodes) {
    foreach ($key in $defaults.Keys) {
        if (-not $node.ContainsKey($key)) { $node[$key] = $defaults[$key] }
    }
    $roles = @($node.Role)
    "{0}: {1} [{2}]" -f $node.NodeName, $node.IPv4, ($roles -join ', ')
}

$LabConfig | ConvertTo-Json -Depth 5 | Set-Content -Path ./lab.json
$loaded = Get-Content ./lab.json -Raw | ConvertFrom-Json -AsHashtable
$loaded.NonNodeData.Switches[0].Name
