$src = [ordered]@{vm = 'web01'; nics = @([ordered]@{name = 'eth0'; vlan = 10}, [ordered]@{name = 'eth1'; vlan = 20})}
$json = $src | ConvertTo-Json -Depth 5
$back = $json | ConvertFrom-Json
$back.nics[1].name
$back.nics.vlan -join '+'
$back | ConvertTo-Json -Depth 5 -Compress
