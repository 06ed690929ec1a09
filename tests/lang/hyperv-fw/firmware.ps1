# Get-/Set-VMFirmware on a generation 2 VM: secure boot, template, boot order, first boot device.
$env:HVSH_URI = "test://$PSScriptRoot/../../fixtures/lab.xml"
New-VM -Name g2 -Generation 2 | Out-Null
Add-VMHardDiskDrive -VMName g2 -Path /var/lib/hvsh/g2.qcow2
Add-VMDvdDrive -VMName g2 -Path /srv/iso/debian.iso
Set-VMNetworkAdapter -VMName g2 -StaticMacAddress 00155D00AA01
Get-VMFirmware -VMName g2
Set-VMFirmware -VMName g2 -EnableSecureBoot On -Passthru
"$((Get-VMFirmware g2).SecureBootTemplateId)"
Set-VMFirmware g2 -SecureBootTemplate MicrosoftUEFICertificateAuthority
Get-VMFirmware g2 | Format-Table SecureBoot, SecureBootTemplate, SecureBootTemplateId
Set-VMFirmware g2 -SecureBootTemplateId 4292ae2b-ee2c-42b5-a969-dd8f8689f6f3 -EnableSecureBoot Off
(Get-VMFirmware g2).SecureBootTemplate
# boot order: the DVD first, then every device in the order given
Set-VMFirmware -VMName g2 -FirstBootDevice (Get-VMDvdDrive -VMName g2)
$fw = Get-VMFirmware g2
$fw.BootOrder | Format-Table BootType, Description, FirmwarePath
$fw.BootOrder[0].Device.GetType().Name
$fw.BootOrder[0].Device | Format-Table ControllerType, ControllerNumber, ControllerLocation, Path
Set-VMFirmware g2 -BootOrder (Get-VMNetworkAdapter -VMName g2), (Get-VMHardDiskDrive -VMName g2), $fw.BootOrder[0]
(Get-VMFirmware g2).BootOrder | ForEach-Object { "$($_.BootType) $($_.FirmwarePath)" }
# -VMFirmware objects from the pipeline, and the settings kept in metadata
Get-VMFirmware g2 | Set-VMFirmware -PreferredNetworkBootProtocol IPv6 -ConsoleMode COM1 -PauseAfterBootFailure On
Get-VMFirmware g2 | Format-List PreferredNetworkBootProtocol, ConsoleMode, PauseAfterBootFailure
Get-VM g2 | Get-VMFirmware | ForEach-Object { $_.GetType().FullName }
"$(Get-VMFirmware g2)"
