# The Hyper-V module: its commands, aliases and enum types.
$cmds = Get-Command -Module Hyper-V
$cmds.Count
(Get-Command Get-VMCheckpoint).Definition -eq 'Get-VMSnapshot' -or (Get-Command Get-VMCheckpoint).ResolvedCommandName -eq 'Get-VMSnapshot'
(Get-Module Hyper-V).Version.ToString()
[Microsoft.HyperV.PowerShell.VMState]::Running
[int][Microsoft.HyperV.PowerShell.VMState]::Saved
[Microsoft.HyperV.PowerShell.OnOffState]'off'
[int][Microsoft.HyperV.PowerShell.VMSwitchType]::External
'Get-VM', 'Set-VMProcessor', 'Set-VMNetworkAdapter', 'New-VMSwitch', 'Checkpoint-VM' | ForEach-Object { (Get-Command $_).ModuleName }
