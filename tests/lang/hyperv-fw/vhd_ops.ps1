# Convert-VHD, Test-VHD and Optimize-VHD through qemu-img, on files in a scratch folder.
$d = Join-Path ([IO.Path]::GetTempPath()) "hvsh-vhdops-$PID"
New-Item -ItemType Directory $d | Out-Null
New-VHD -Path $d/a.vhdx -SizeBytes 64MB | Out-Null
Convert-VHD $d/a.vhdx $d/a.img -VHDType Fixed -Passthru | Format-List VhdFormat, VhdType, Size
Convert-VHD -Path $d/a.img -DestinationPath $d/b.vhdx -VHDType Dynamic -Passthru | Format-List VhdFormat, VhdType
Get-Item $d/a.vhdx | Convert-VHD -DestinationPath $d/c.vhdx -VHDType Differencing -ParentPath $d/b.vhdx -DeleteSource -Passthru |
    Format-List VhdType, @{n = 'Parent'; e = { Split-Path -Leaf $_.ParentPath } }
Test-Path $d/a.vhdx
# the destination is never overwritten, and nothing is left behind
try { Convert-VHD -Path $d/a.img -DestinationPath $d/b.vhdx -ErrorAction Stop } catch { $_.Exception.Message -replace [regex]::Escape($d), 'D'; $_.CategoryInfo.Category }
try { Convert-VHD -Path $d/nope.vhdx -DestinationPath $d/x.vhdx -ErrorAction Stop } catch { $_.CategoryInfo.Category }
Convert-VHD -Path $d/a.img -DestinationPath $d/w.vhdx -WhatIf:$false -Confirm:$false
(Get-ChildItem $d).Name -join ', '
# Test-VHD: $true for sound disks of every format, $false for a file without a header
Test-VHD $d/a.img, $d/b.vhdx, $d/c.vhdx
[IO.File]::WriteAllBytes("$d/bad.vhdx", [byte[]](1, 2, 3, 4, 5, 6, 7, 8))
Test-VHD -Path $d/bad.vhdx
try { Test-VHD $d/none.vhdx -ErrorAction Stop } catch { $_.CategoryInfo.Category }
# Optimize-VHD rewrites a dynamic disk; fixed (raw) disks cannot be compacted
Optimize-VHD $d/b.vhdx -Mode Full -Passthru | Format-List VhdFormat, VhdType
Test-VHD $d/b.vhdx
try { Optimize-VHD $d/a.img -ErrorAction Stop } catch { $_.CategoryInfo.Category }
Remove-Item -Recurse $d
