$d = @(
    [pscustomobject]@{ Name = 'vm1'; State = 'Running'; Cpu = 12; On = $true }
    [pscustomobject]@{ Name = 'longer-name'; State = 'Off'; Cpu = 0; On = $false }
)
$d
