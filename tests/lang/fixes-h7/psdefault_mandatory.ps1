function Get-Thing {
    param([Parameter(Mandatory)][string]$Name, [int]$Count = 1)
    "Name=$Name Count=$Count"
}
$PSDefaultParameterValues['Get-Thing:Name'] = 'fromdefault'
Get-Thing
Get-Thing -Name explicit
Get-Thing other
$PSDefaultParameterValues['Get-T*:Count'] = { 2 + 3 }
Get-Thing
$PSDefaultParameterValues['Disabled'] = $true
try { Get-Thing -Count 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
$PSDefaultParameterValues.Remove('Disabled')
Get-Thing -Count 9
$PSDefaultParameterValues.Clear()
$PSDefaultParameterValues['Write-Output:NoEnumerate'] = $true
(Write-Output 1,2,3 | Measure-Object).Count
(Write-Output 1,2,3 -NoEnumerate:$false | Measure-Object).Count
$PSDefaultParameterValues['Get-R:Bogus'] = 1
function Get-R { param([Parameter(Mandatory)][string]$Name) "R=$Name" }
try { Get-R } catch { $_.FullyQualifiedErrorId }
$PSDefaultParameterValues['Select-Str*:Pattern'] = 'b'
('abc', 'xyz', 'bcd' | Select-String).Line
$PSDefaultParameterValues['New-Item:ItemType'] = 'Directory'
$PSDefaultParameterValues['Get-Thing:Name'] = { "sb-$(1 + 1)" }
Get-Thing
Set-Alias gth Get-Thing
$PSDefaultParameterValues = @{ 'get-thing:name' = 'lower' }
gth
$PSDefaultParameterValues = @{ '*:Name' = 'star' }
Get-Thing
