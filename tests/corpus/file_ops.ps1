# Lab folder layout: create, inspect and clean up directories and files.
$ErrorActionPreference = 'Stop'
$root = Join-Path $PWD 'LabRoot'
$folders = 'VMs', 'VHDs', 'ISO', 'Logs', (Join-Path 'VMs' 'Templates')
foreach ($f in $folders) {
    $path = Join-Path $root $f
    if (-not (Test-Path -Path $path)) {
        New-Item -ItemType Directory -Path $path | Out-Null
        Write-Host "Created $f"
    }
}
Test-Path (Join-Path $root 'VMs/Templates') -PathType Container
Test-Path (Join-Path $root 'VMs') -PathType Leaf

1..3 | ForEach-Object {
    $file = Join-Path $root "Logs/deploy-$_.log"
    Set-Content -Path $file -Value "line 1 of log $_"
    Add-Content -Path $file -Value "line 2 of log $_"
}
'disk' | Set-Content (Join-Path $root 'VHDs/base.vhdx')
Get-ChildItem -Path (Join-Path $root 'Logs') -Filter *.log | Sort-Object Name | ForEach-Object { $_.Name }
(Get-ChildItem -Path $root -Recurse -File).Count
(Get-ChildItem -Path $root -Directory | Sort-Object Name).Name -join ','
Get-Content (Join-Path $root 'Logs/deploy-2.log')
(Get-Content (Join-Path $root 'Logs/deploy-3.log'))[1]
Get-Content (Join-Path $root 'Logs/deploy-1.log') -Raw | ForEach-Object { $_.Length }
$item = Get-Item (Join-Path $root 'VHDs/base.vhdx')
'{0} {1} {2}' -f $item.Name, $item.Extension, $item.BaseName
$item.Length
$item.PSIsContainer
Split-Path $item.FullName -Parent | Split-Path -Leaf
[System.IO.Path]::GetFileNameWithoutExtension($item.FullName)
[System.IO.Path]::ChangeExtension('disk.vhd', '.vhdx')

Copy-Item -Path (Join-Path $root 'VHDs/base.vhdx') -Destination (Join-Path $root 'VHDs/web01.vhdx')
Rename-Item -Path (Join-Path $root 'VHDs/web01.vhdx') -NewName 'web01-os.vhdx'
Move-Item -Path (Join-Path $root 'VHDs/web01-os.vhdx') -Destination (Join-Path $root 'VMs')
Get-ChildItem (Join-Path $root 'VMs') -File | Select-Object -ExpandProperty Name
$logs = Get-ChildItem -Path $root -Include *.log -Recurse
"Logs: $($logs.Count)"
$logs | Where-Object Name -match '-[13]\.log$' | Remove-Item
(Get-ChildItem (Join-Path $root 'Logs')).Name
Select-String -Path (Join-Path $root 'Logs/*.log') -Pattern 'line 2' | ForEach-Object { "$($_.Filename):$($_.LineNumber)" }
try {
    Get-Item (Join-Path $root 'nope.txt')
} catch {
    "Missing: $($_.Exception.GetType().Name)"
}
Remove-Item -Path $root -Recurse -Force
Test-Path $root
Resolve-Path -Path $root -ErrorAction SilentlyContinue
'done'
