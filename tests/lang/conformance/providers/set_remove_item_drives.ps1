Set-Item -Path env:X2_ROLE -Value "Administrator"
$env:X2_ROLE
Set-Item -Path function:Test-Greet -Value { "Hello $args" }
Test-Greet World
Set-Item -Path variable:answer -Value 42
$answer
Set-Item -Path alias:tg -Value Test-Greet
tg Alias
Remove-Item alias:tg
Test-Path alias:tg
Remove-Item variable:answer
Test-Path variable:answer
Remove-Item env:X2_ROLE
Test-Path env:X2_ROLE
Set-Alias -Name zy -Value Get-Date
Remove-Alias -Name zy
Test-Path alias:zy
