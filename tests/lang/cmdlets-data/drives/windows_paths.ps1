# On Linux there is no C: drive: pwsh reports DriveNotFound (and Test-Path is $false)
Test-Path 'C:\VMs'
try { New-Item -ItemType Directory -Path 'C:\VMs' -ErrorAction Stop } catch { $_.Exception.Message }
try { Get-ChildItem 'C:\' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { 'x' | Out-File 'C:\x.txt' } catch { $_.CategoryInfo.Category }
Split-Path 'C:\VMs\disk.vhdx' -Leaf
Split-Path 'C:\VMs\disk.vhdx' -Qualifier
