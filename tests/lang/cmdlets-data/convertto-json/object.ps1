# Ordered keys, nested array, null, bool, int, double; pwsh 7's two-space layout
[ordered]@{name = 'vm1'; cpu = 2; mem = 4.5; on = $true; tags = @('a', 'b'); none = $null} | ConvertTo-Json
