$start = (Get-Location).Path
Push-Location / -StackName c2stack
Set-Location -StackName c2stack
Pop-Location
(Get-Location).Path -eq $start
try { Set-Location -StackName no-such-stack-c2 -ErrorAction Stop } catch { $_.Exception.Message }
