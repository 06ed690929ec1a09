$data = @{ servers = @( @{ name = "a"; ports = 80, 443 }, @{ name = "b"; ports = @(22) } ) }
$data.servers[0].ports[1]
$data.servers.name -join ","
$data.servers[-1].ports.Count
