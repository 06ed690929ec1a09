@{
    RootModule        = 'LabTools.psm1'
    ModuleVersion     = '1.2.0'
    Description       = 'Lab helpers'
    FunctionsToExport = @('New-LabName', 'Get-LabCount')
}
