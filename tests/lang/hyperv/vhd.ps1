# New-VHD / Get-VHD / Resize-VHD through qemu-img (a temporary folder).
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-vhd-$PID"
New-Item -ItemType Directory -Path $dir | Out-Null
$path = Join-Path $dir 'disk one.qcow2'
New-VHD -Path $path -SizeBytes 64MB -Dynamic | Format-List VhdFormat, VhdType, Size
(Get-VHD -Path $path).Size / 1MB
Resize-VHD -Path $path -SizeBytes 128MB -Passthru | ForEach-Object { $_.Size / 1MB }
$child = Join-Path $dir 'child.qcow2'
New-VHD -Path $child -ParentPath $path -Differencing | ForEach-Object { $_.VhdType; $_.ParentPath -eq $path }
New-VHD -Path 'x.qcow2' -SizeBytes 10MB -WhatIf
Test-Path 'x.qcow2'
try { New-VHD -Path $path -SizeBytes 64MB -ErrorAction Stop } catch { $_.CategoryInfo.Category; $_.Exception.Message -replace [regex]::Escape($dir), 'DIR' }
try { Get-VHD -Path (Join-Path $dir 'none.qcow2') -ErrorAction Stop } catch { $_.CategoryInfo.Category }
try { New-VHD -Path (Join-Path $dir 'y.qcow2') -SizeBytes 1000 -ErrorAction Stop } catch { $_.Exception.Message }
Remove-Item -Recurse -Force $dir
