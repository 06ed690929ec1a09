# Convert-Path (alias cvpa): PowerShell paths -> absolute provider paths as strings;
# wildcards expand, pipeline items bind by PSPath, a missing path is an error.
$base = Join-Path $PWD "cvpa-$PID"
New-Item -ItemType Directory -Path (Join-Path $base 'sub') -Force | Out-Null
'a', 'b' | ForEach-Object { Set-Content -Path (Join-Path $base "$_.txt") -Value $_ }
Push-Location $base
(Convert-Path .) -eq $base
(Convert-Path ./sub/..) -eq $base
(Convert-Path ./*.txt | ForEach-Object { Split-Path $_ -Leaf }) -join ','
(cvpa sub).EndsWith('/sub')
(Get-Item ./a.txt | Convert-Path) -eq (Join-Path $base 'a.txt')
(Convert-Path -LiteralPath ./b.txt).GetType().FullName
try { Convert-Path ./missing.txt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId -replace ',.*$' }
Pop-Location
Remove-Item $base -Recurse
