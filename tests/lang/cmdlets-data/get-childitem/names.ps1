$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-gci-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

'b.txt', 'a.txt', 'c.log', '.hidden' | ForEach-Object { New-Item -Path (Join-Path $d $_) -ItemType File | Out-Null }
New-Item -ItemType Directory -Path (Join-Path $d 'sub/deep') -Force | Out-Null
New-Item -Path (Join-Path $d 'sub/s.txt') -ItemType File | Out-Null
New-Item -Path (Join-Path $d 'sub/deep/d.txt') -ItemType File | Out-Null
(Get-ChildItem $d -Name | Sort-Object) -join ','
(Get-ChildItem $d -Name -Force | Sort-Object) -join ','
(Get-ChildItem $d -Filter *.txt -Name | Sort-Object) -join ','
(Get-ChildItem (Join-Path $d '*.txt') | ForEach-Object Name | Sort-Object) -join ','
(Get-ChildItem $d -File | ForEach-Object Name | Sort-Object) -join ','
(Get-ChildItem $d -Directory).Name
(Get-ChildItem $d -Recurse -Name -File | Sort-Object) -join ','
(Get-ChildItem $d -Recurse -Depth 0 -Name | Sort-Object) -join ','
(Get-ChildItem $d -Recurse -Include *.txt -Name | Sort-Object) -join ','
(Get-ChildItem $d -Exclude *.txt -Name | Sort-Object) -join ','
(Get-ChildItem $d -Hidden -Name) -join ','
Remove-Item $d -Recurse -Force
