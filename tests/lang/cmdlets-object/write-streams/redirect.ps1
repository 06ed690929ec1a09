Write-Warning 'careful' 3>&1 | ForEach-Object { "got: $_" }
Write-Verbose 'hidden'
Write-Verbose 'shown' -Verbose 4>&1 | ForEach-Object { "v: $_" }
Write-Debug 'dbg'
Write-Information 'info' 6>&1 | ForEach-Object { "i: $_" }
Write-Information 'silent'
Write-Progress -Activity 'Working' -Status 'half' -PercentComplete 50
Write-Progress -Activity 'Working' -Completed
'done'
