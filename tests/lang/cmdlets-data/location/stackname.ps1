$base = if ($env:TMPDIR) { $env:TMPDIR } else { '/tmp' }
$d = Join-Path $base "hvsh-c2-stk-$PID"
New-Item -ItemType Directory -Path $d -Force | Out-Null

$start = (Get-Location).Path
Push-Location $d -StackName work
(Get-Location -StackName work | Measure-Object).Count
(Get-Location).Path -eq $d
Pop-Location -StackName work
(Get-Location).Path -eq $start
Set-Location $d
Set-Location ~
(Get-Location).Path -eq $HOME
Set-Location
(Get-Location).Path -eq $HOME
Set-Location $start
Remove-Item -LiteralPath $d -Recurse -Force
