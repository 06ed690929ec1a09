# about_Functions_OutputTypeAttribute: the OutputType attribute of a function is the
# OUTPUTS section of its full help.
function Get-LabName {
    [OutputType([string])]
    [CmdletBinding()]
    param()
    'lab'
}
function Get-LabVmInfo {
    [OutputType('Lab.VmInfo')]
    param()
}
foreach ($f in 'Get-LabName', 'Get-LabVmInfo') {
    $lines = (Get-Help $f -Full | Out-String) -split "`n"
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^OUTPUTS') { $lines[$i + 1].Trim() }
    }
}
