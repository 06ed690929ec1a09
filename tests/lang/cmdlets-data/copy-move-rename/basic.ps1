$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-cp-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

Set-Content (Join-Path $d 'a.txt') 'A'
New-Item -ItemType Directory -Path (Join-Path $d 'dst') | Out-Null
Copy-Item (Join-Path $d 'a.txt') (Join-Path $d 'b.txt')
Copy-Item (Join-Path $d 'a.txt') -Destination (Join-Path $d 'dst')
Get-Content (Join-Path $d 'b.txt')
Test-Path (Join-Path $d 'dst/a.txt')
New-Item -Path (Join-Path $d 'tree/sub/f.txt') -ItemType File -Value 'deep' -Force | Out-Null
Copy-Item (Join-Path $d 'tree') (Join-Path $d 'tree2') -Recurse
Get-Content (Join-Path $d 'tree2/sub/f.txt')
Move-Item (Join-Path $d 'b.txt') (Join-Path $d 'c.txt')
Test-Path (Join-Path $d 'b.txt'), (Join-Path $d 'c.txt')
Move-Item (Join-Path $d 'c.txt') (Join-Path $d 'dst')
(Get-ChildItem (Join-Path $d 'dst') -Name | Sort-Object) -join ','
Rename-Item (Join-Path $d 'a.txt') -NewName 'renamed.txt'
Test-Path (Join-Path $d 'renamed.txt')
(Rename-Item (Join-Path $d 'renamed.txt') 'again.txt' -PassThru).Name
(Copy-Item (Join-Path $d 'again.txt') (Join-Path $d 'copy.txt') -PassThru).Name
Remove-Item $d -Recurse -Force
