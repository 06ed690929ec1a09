# Get-/Set-VMComPort: COM 1/2 as libvirt serial ports on UNIX sockets.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
$env:HVSH_PIPE_DIR = '/run/hvsh-test/pipe'
Get-VMComPort -VMName web01
Set-VMComPort -VMName web01 -Number 1 -Path '\\.\pipe\web01-com1' -Passthru
Set-VMComPort web01 2 /tmp/web01-com2.sock
Get-VMComPort web01 | Format-Table Name, Path
Get-VMComPort web01 -Number 2 | Set-VMComPort -Path ''
(Get-VMComPort web01 -Number 2).Path -eq ''
Get-VM web01 | Get-VMComPort | ForEach-Object { "$($_.Name)=$($_.Path)" }
try { Set-VMComPort web01 1 '\\server\pipe\x' -ErrorAction Stop } catch { $_.Exception.Message; $_.CategoryInfo.Category }
try { Set-VMComPort web01 3 '\\.\pipe\x' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { Set-VMComPort db01 1 '\\.\pipe\db' -ErrorAction Stop } catch { $_.Exception.Message }
Set-VMComPort web01 1 '' -WhatIf
(Get-VMComPort web01 1).Path
