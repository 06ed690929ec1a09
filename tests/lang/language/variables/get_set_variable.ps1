Set-Variable -Name sv -Value 10
Get-Variable -Name sv -ValueOnly
$sv
New-Variable -Name nv -Value "new"
$nv
Remove-Variable -Name nv
$null -eq (Get-Variable -Name nv -ErrorAction SilentlyContinue)
