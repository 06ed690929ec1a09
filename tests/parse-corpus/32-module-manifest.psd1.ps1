@{
    RootModule        = 'LabTools.psm1'
    ModuleVersion     = '1.2.0'
    GUID              = 'b3c6f3a4-7d1e-4a3b-9a7e-2f4c1f0e9d21'
    Author            = 'Lab Team'
    Description       = 'Helpers for building nested Hyper-V labs.'
    PowerShellVersion = '7.0'
    RequiredModules   = @('Hyper-V')
    FunctionsToExport = @(
        'New-LabVM'
        'Remove-LabVM'
        'Get-LabVM'
    )
    CmdletsToExport   = @()
    AliasesToExport   = @('nlv')
    PrivateData       = @{
        PSData = @{
            Tags       = @('HyperV', 'Lab', 'Nested')
            ProjectUri = 'https://example.invalid/labtools'
        }
    }
}
