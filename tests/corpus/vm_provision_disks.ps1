# Provisioning VMs with disks, DVD media, memory and processor settings from a JSON spec.
$env:HVSH_URI = 'test:///default'
$ErrorActionPreference = 'Stop'
$spec = @'
{
  "Machines": [
    { "Name": "LAB-DC01", "Memory": "2GB", "Min": "512MB", "Max": "4GB", "Dynamic": true,  "Cpu": 2, "Iso": "/srv/iso/server2022.iso" },
    { "Name": "LAB-FS01", "Memory": "1GB", "Dynamic": false, "Cpu": 1, "DataDisks": [ 10, 20 ] }
  ]
}
'@ | ConvertFrom-Json
$vhdRoot = New-Item -ItemType Directory -Path (Join-Path $PWD 'Virtual Hard Disks') -Force

function ConvertTo-Bytes([string]$Size) {
    if ($Size -match '^(\d+)(MB|GB)$') {
        $n = [int64]$Matches[1]
        if ($Matches[2] -eq 'GB') { $n * 1GB } else { $n * 1MB }
    } else {
        throw "Bad size '$Size'"
    }
}

foreach ($m in $spec.Machines) {
    Write-Host "--- $($m.Name)"
    $vm = New-VM -Name $m.Name -MemoryStartupBytes (ConvertTo-Bytes $m.Memory) -Generation 2 -NoVHD
    Set-VMProcessor -VM $vm -Count $m.Cpu
    if ($m.Dynamic) {
        Set-VMMemory -VMName $m.Name -DynamicMemoryEnabled $true -MinimumBytes (ConvertTo-Bytes $m.Min) -MaximumBytes (ConvertTo-Bytes $m.Max)
    }
    if ($m.PSObject.Properties.Name -contains 'Iso') {
        Add-VMDvdDrive -VMName $m.Name -Path $m.Iso
    }
    $i = 0
    foreach ($sizeGB in $m.DataDisks) {
        $i++
        $vhd = Join-Path $vhdRoot.FullName "$($m.Name)-data$i.vhdx"
        $disk = New-VHD -Path $vhd -SizeBytes ($sizeGB * 1GB) -Dynamic
        '{0} {1} {2}GB' -f $disk.VhdFormat, $disk.VhdType, ($disk.Size / 1GB)
        Add-VMHardDiskDrive -VMName $m.Name -Path $vhd
    }
    $mem = Get-VMMemory -VMName $m.Name
    $line = '{0}: cpu={1} startup={2}MB dynamic={3}' -f $m.Name, (Get-VMProcessor -VMName $m.Name).Count,
        ($mem.Startup / 1MB), $mem.DynamicMemoryEnabled
    if ($mem.DynamicMemoryEnabled) { $line += ' min={0}MB max={1}MB' -f ($mem.Minimum / 1MB), ($mem.Maximum / 1MB) }
    $line
    (Get-VMDvdDrive -VMName $m.Name).Path
    Get-VMHardDiskDrive -VMName $m.Name | ForEach-Object { Split-Path $_.Path -Leaf }
}
try {
    ConvertTo-Bytes '12TB'
} catch {
    "Error: $($_.Exception.Message)"
}
Get-VM -Name LAB-* | Sort-Object Name | Select-Object Name, ProcessorCount, @{ n = 'StartupMB'; e = { $_.MemoryStartup / 1MB } } | Format-Table -AutoSize
Get-VM -Name LAB-* | Remove-VM -Force
@(Get-VM -Name LAB-* -ErrorAction SilentlyContinue).Count
(Get-ChildItem $vhdRoot -Filter *.vhdx).Count
Remove-Item $vhdRoot -Recurse
