# Start-Job -FilePath runs a script file in the job: its param() block takes
# -ArgumentList, $using: reads the caller's variables. -WorkingDirectory sets where the
# job starts (by default the caller's current location).
$path = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-job-$PID.ps1"
Set-Content -Path $path -Value @'
param($Who)
"hello $Who from $using:site"
$args.Count
'@
$site = 'lab'
Start-Job -FilePath $path -ArgumentList 'web01' | Receive-Job -Wait -AutoRemoveJob
Remove-Item $path
Set-Location /usr
Start-Job {(Get-Location).Path} | Receive-Job -Wait -AutoRemoveJob
Start-Job {(Get-Location).Path} -WorkingDirectory /usr/share | Receive-Job -Wait -AutoRemoveJob
@(Get-Job).Count
