$d = '/tmp/hvsh-c2-gci-view'
New-Item -ItemType Directory -Path $d -Force | Out-Null
Set-Content -Path "$d/a.txt" -Value 'ab'
chmod 644 "$d/a.txt"
touch -d '2024-01-02 03:04:05' "$d/a.txt"
Get-ChildItem $d
Remove-Item $d -Recurse -Force
