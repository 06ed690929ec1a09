$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gcirw-$PID"
New-Item -Path (Join-Path $d 'a/b/deep.txt') -ItemType File -Force | Out-Null
New-Item -Path (Join-Path $d 'top.txt') -ItemType File -Force | Out-Null
New-Item -Path (Join-Path $d 'a/skip.log') -ItemType File -Force | Out-Null
Push-Location $d
(Get-ChildItem *.txt -Recurse | ForEach-Object Name | Sort-Object) -join ','
(Get-ChildItem -Path (Join-Path $d '*.log') -Recurse).Name
(Get-ChildItem *.txt | ForEach-Object Name) -join ','
(Get-ChildItem -Recurse -Filter *.txt -Name | Sort-Object) -join ','
Pop-Location
Remove-Item $d -Recurse -Force
