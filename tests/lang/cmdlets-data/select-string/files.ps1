$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-sls-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null
Set-Content -Path (Join-Path $d 'a.txt') -Value 'ok one', 'error one', 'ok two', 'error two'
Set-Content -Path (Join-Path $d 'b.txt') -Value 'fine', 'Error three'
Set-Content -Path (Join-Path $d 'c.log') -Value 'error in log'
Push-Location $d
Select-String -Path *.txt -Pattern 'error'
Select-String -Path *.txt -Pattern 'error' -List | ForEach-Object { $_.Filename + ':' + $_.LineNumber }
Select-String -Path *.txt -Pattern 'nothing-zz' -Quiet
Select-String -Path *.txt -Pattern 'error' -Quiet
Select-String -Path ./a.txt -Pattern 'error two' | ForEach-Object { $_.Path -eq (Join-Path $d 'a.txt') }
Get-ChildItem -Path $d -Filter *.log | Select-String 'log' | ForEach-Object { $_.Line }
Pop-Location
Remove-Item $d -Recurse -Force
