$cfg = $null
$name = $cfg?.Name ?? 'unnamed'
$name = ${cfg}?.Name ?? 'unnamed'
$port = $env:LAB_PORT ? [int]$env:LAB_PORT : 8080
$mode = $IsLinux ? 'linux' : ($IsWindows ? 'windows' : 'other')
$items = $null
$count = ${items}?.Count ?? 0
$first = ${items}?[0]
Test-Path /etc/hostname && Get-Content /etc/hostname
Get-Command virsh -ErrorAction Ignore || Write-Warning 'virsh not installed'
$ok = (Test-Connection -TargetName 192.168.100.1 -Count 1 -Quiet) ? 'up' : 'down'
$x ??= @{}
$x.Level ??= 1
"$name $port $mode $count $ok"
