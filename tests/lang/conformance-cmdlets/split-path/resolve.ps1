# Split-Path docs: -Resolve resolves the (wildcard) path first, then splits each match
$d = Join-Path ([System.IO.Path]::GetTempPath()) "hvsh-x3-split-$PID"
New-Item -ItemType Directory -Path $d | Out-Null
Set-Content -Path (Join-Path $d 'Pass1.log') -Value 1
Set-Content -Path (Join-Path $d 'Pass2.log') -Value 2
Split-Path -Path (Join-Path $d '*.log') -Leaf -Resolve
(Split-Path -Path (Join-Path $d 'Pass1.log') -Resolve) -eq $d
Split-Path -Path (Join-Path $d 'Pass2.log') -LeafBase
Split-Path -Path (Join-Path $d 'Pass2.log') -Extension
Split-Path -Path "/home/user/file.txt" -IsAbsolute
Split-Path -Path "user/file.txt" -IsAbsolute
Remove-Item $d -Recurse -Force
