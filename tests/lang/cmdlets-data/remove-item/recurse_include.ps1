$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-rmrec-$PID"
'a.tmp', 'keep.txt', 'sub/b.tmp', 'sub/keep2.txt', 'sub/deep/c.tmp' | ForEach-Object {
    New-Item -Path (Join-Path $d $_) -ItemType File -Force | Out-Null
}
Remove-Item (Join-Path $d '*') -Include *.tmp -Recurse
(Get-ChildItem $d -Recurse -File -Name | Sort-Object) -join ','
Remove-Item $d -Recurse -Force
