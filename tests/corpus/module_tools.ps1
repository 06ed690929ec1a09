# A small module of lab helpers (.psm1) imported and used by a script.
$modDir = Join-Path $PWD 'LabTools'
New-Item -ItemType Directory -Path $modDir -Force | Out-Null
@'
$script:DefaultPrefix = 'LAB'

function Get-LabVMName {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Role,
        [int]$Index = 1,
        [string]$Prefix = $script:DefaultPrefix
    )
    '{0}-{1}{2:D2}' -f $Prefix, $Role.ToUpper(), $Index
}

function Set-LabPrefix {
    param([Parameter(Mandatory)][string]$Prefix)
    $script:DefaultPrefix = $Prefix
}

function Get-InternalHelper { 'internal' }

Export-ModuleMember -Function Get-LabVMName, Set-LabPrefix
'@ | Set-Content -Path (Join-Path $modDir 'LabTools.psm1')

Import-Module (Join-Path $modDir 'LabTools.psm1')
Get-LabVMName -Role dc
Get-LabVMName -Role web -Index 12
Set-LabPrefix -Prefix 'CONTOSO'
Get-LabVMName sql
(Get-Command -Module LabTools | Sort-Object Name).Name -join ', '
[bool](Get-Command Get-InternalHelper -ErrorAction SilentlyContinue)
(Get-Module LabTools).Name
$names = 1..3 | ForEach-Object { Get-LabVMName -Role app -Index $_ }
$names -join ' '
Remove-Module LabTools
[bool](Get-Command Get-LabVMName -ErrorAction SilentlyContinue)

# dot-sourcing a helper script shares its functions and variables
Set-Content -Path (Join-Path $PWD 'helpers.ps1') -Value @'
$HelperVersion = '1.2'
function Format-Size([long]$Bytes) {
    switch ($Bytes) {
        { $_ -ge 1TB } { '{0:N1} TB' -f ($_ / 1TB); break }
        { $_ -ge 1GB } { '{0:N1} GB' -f ($_ / 1GB); break }
        { $_ -ge 1MB } { '{0:N1} MB' -f ($_ / 1MB); break }
        default { "$_ B" }
    }
}
'@
. (Join-Path $PWD 'helpers.ps1')
"helpers $HelperVersion"
Format-Size 512
Format-Size 5MB
Format-Size 80GB
Format-Size 2.5TB
& (Join-Path $PWD 'helpers.ps1')
Remove-Item -Recurse $modDir, (Join-Path $PWD 'helpers.ps1')
