$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-enc-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$f = Join-Path $d 'u.txt'
Set-Content -Path $f -Value 'hé' -Encoding unicode
(Get-Content $f -AsByteStream) -join ' '
Get-Content $f
Set-Content -Path $f -Value 'ab' -Encoding utf8BOM
(Get-Content $f -AsByteStream) -join ' '
Get-Content $f
Set-Content -Path $f -Value 'ab' -Encoding bigendianunicode
(Get-Content $f -AsByteStream) -join ' '
Get-Content $f -Raw
Set-Content -Path $f -Value 'é' -Encoding ascii
(Get-Content $f -AsByteStream) -join ' '
'x' | Out-File $f -Encoding unicode
(Get-Content $f -AsByteStream) -join ' '
'y' | Out-File $f -Encoding unicode -Append
Get-Content $f
Set-Content -Path $f -Value 'plain'
(Get-Content $f -AsByteStream -TotalCount 3) -join ' '
Remove-Item -LiteralPath $d -Recurse -Force
