# Get-VM: default view, wildcards, arrays, case-insensitive names, -Id, not-found errors.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
Get-VM
Get-VM -Name WEB* | Format-Table Name, State
Get-VM db01, 'my vm (1)' | ForEach-Object Name
Get-VM -VMName 'My VM*' | ForEach-Object { $_.Name }
(Get-VM -Id 11111111-2222-3333-4444-000000000002).Name
'web01' | Get-VM | ForEach-Object Name
# a wildcard that matches nothing is not an error
@(Get-VM nomatch*).Count
try {
    Get-VM -Name nosuch -ErrorAction Stop
} catch {
    $_.Exception.Message
    $_.CategoryInfo.Category
    $_.FullyQualifiedErrorId
    $_.Exception.GetType().FullName
    $_.TargetObject
}
Get-VM nosuch, web01 -ErrorAction SilentlyContinue -ErrorVariable e | ForEach-Object Name
$e.Count
$e[0].Exception.Message
