$env:LAB_MODE = 'test'
${env:LAB_MODE}
${function:Get-Thing} = { 'thing' }
Get-Thing
$variable:foo = 5
$global:LabState = @{}
$script:calls = 0
$local:temp = 1
Set-Variable -Name 'x' -Value 1 -Scope Script
$a, $b, $c = 1, 2, 3
$first, $rest = 1..5
[array]$all = $first, $rest
$Host.UI.RawUI.WindowTitle = 'lab'
$PSVersionTable.PSVersion.ToString()
$MyInvocation.MyCommand.Name
$PSScriptRoot, $PSCommandPath
$?; $^; $$; $_
$args.Count
$input | ForEach-Object { $_ }
$null -eq $nothing
@(1, $null, 2).Where({ $_ }).Count
(1..10).ForEach({ $_ * 2 })
$hash = @{}; $hash.Add('k', @{ n = 1 }); $hash.k.n
Clear-Host; cls
gci -r | select -f 1
Get-Date | Select-Object -ExpandProperty Year
(Get-Date).AddHours(-1) -lt (Get-Date)
$items = @(
    'one'
    'two'
)
$value = $(
    if ($items.Count -gt 1) { 'many' }
    else { 'few' }
)
$sum = 0; foreach ($i in 1..10) { $sum += $i }; $sum
Remove-Variable -Name temp -Scope Local -ErrorAction Ignore
exit 0
