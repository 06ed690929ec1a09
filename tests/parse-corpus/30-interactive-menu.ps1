function Show-Menu {
    param([string[]]$Options, [string]$Title = 'Lab menu')
    Write-Host "`n=== $Title ===" -ForegroundColor Cyan
    for ($i = 0; $i -lt $Options.Count; $i++) {
        Write-Host ("[{0}] {1}" -f ($i + 1), $Options[$i])
    }
    Write-Host '[Q] Quit'
}

$options = 'List VMs', 'Start all', 'Stop all'
:menu while ($true) {
    Show-Menu -Options $options
    $choice = Read-Host -Prompt 'Choose'
    switch -Regex ($choice) {
        '^[qQ]$' { break menu }
        '^1$' { Get-VM | Format-Table Name, State; break }
        '^2$' { Get-VM | Where-Object State -ne 'Running' | Start-VM; break }
        '^3$' { Get-VM | Where-Object State -eq 'Running' | Stop-VM -Force; break }
        default { Write-Warning "Unknown choice '$choice'" }
    }
}
'bye'
