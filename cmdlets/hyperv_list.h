/* hyperv_list.h — every cmdlet of the Hyper-V module, once. Included with HVC_HV_CMDLET
 * defined: (prefix, name, aliases, sets, default_set, flags, synopsis, output_type,
 * examples).
 * The family files define <prefix>_params and <prefix>_process. */
#define HVC_SETS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define HVC_NONE      NULL
#define HVC_SP        HV_CF_SHOULD_PROCESS
#define HVC_VM        "Microsoft.HyperV.PowerShell.VirtualMachine"
#define HVC_EX(t, c)  ((const hv_example[]){{.title = t, .code = c}, {.title = NULL}})
/* hyperv_vm.c */
HVC_HV_CMDLET(hvc_hv_get_vm, "Get-VM", HVC_NONE, HVC_SETS("Name", "Id"), 0, 0,
              "Gets the virtual machines from one or more Hyper-V hosts.", HVC_VM,
              HVC_EX("List the virtual machines that are off",
                     "Get-VM | Where-Object State -eq 'Off'"))
HVC_HV_CMDLET(
    hvc_hv_new_vm, "New-VM", HVC_NONE, HVC_SETS("No VHD", "New VHD", "Existing VHD"), 0, HVC_SP,
    "Creates a new virtual machine.", HVC_VM,
    HVC_EX("Create a generation 2 VM with 4 GB on a switch",
           "New-VM -Name 'Lab 1' -MemoryStartupBytes 4GB -Generation 2 -SwitchName VmNAT"))
HVC_HV_CMDLET(hvc_hv_remove_vm, "Remove-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Deletes a virtual machine.", HVC_VM,
              HVC_EX("Turn off and delete test VMs",
                     "Get-VM test* | Stop-VM -TurnOff -Force -Passthru | Remove-VM -Force"))
HVC_HV_CMDLET(hvc_hv_start_vm, "Start-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Starts a virtual machine.", HVC_VM,
              HVC_EX("Start every VM that is off",
                     "Get-VM | Where-Object State -eq Off | Start-VM -Passthru"))
HVC_HV_CMDLET(hvc_hv_stop_vm, "Stop-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Shuts down, turns off, or saves a virtual machine.", HVC_VM,
              HVC_EX("Power a VM off immediately", "Stop-VM -Name web01 -TurnOff"))
HVC_HV_CMDLET(hvc_hv_restart_vm, "Restart-VM", HVC_NONE,
              HVC_SETS("Name", "NameWait", "VMObject", "VMObjectWait"), 0, HVC_SP,
              "Restarts a virtual machine.", HVC_VM,
              HVC_EX("Reset a VM", "Restart-VM -Name web01 -Force"))
HVC_HV_CMDLET(hvc_hv_suspend_vm, "Suspend-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Suspends, or pauses, a virtual machine.", HVC_VM,
              HVC_EX("Pause a VM", "Suspend-VM -Name web01"))
HVC_HV_CMDLET(hvc_hv_resume_vm, "Resume-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Resumes a suspended (paused) virtual machine.", HVC_VM,
              HVC_EX("Continue a paused VM", "Resume-VM -Name web01"))
HVC_HV_CMDLET(hvc_hv_save_vm, "Save-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Saves a virtual machine.", HVC_VM,
              HVC_EX("Save a VM's state", "Save-VM -Name web01"))
HVC_HV_CMDLET(hvc_hv_remove_vmsavedstate, "Remove-VMSavedState", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, HVC_SP,
              "Deletes the saved state of a saved virtual machine.", HVC_VM,
              HVC_EX("Discard a saved state", "Remove-VMSavedState -VMName web01"))
HVC_HV_CMDLET(hvc_hv_set_vm, "Set-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Configures a virtual machine.", HVC_VM,
              HVC_EX("Two processors and static memory",
                     "Set-VM -Name web01 -ProcessorCount 2 -StaticMemory -MemoryStartupBytes 4GB"))
/* hyperv_hw.c */
HVC_HV_CMDLET(hvc_hv_get_vmprocessor, "Get-VMProcessor", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMSnapshot"), 0, 0,
              "Gets the processor of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMProcessor",
              HVC_EX("Is nesting enabled?",
                     "(Get-VMProcessor -VMName web01).ExposeVirtualizationExtensions"))
HVC_HV_CMDLET(hvc_hv_set_vmprocessor, "Set-VMProcessor", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMProcessor"), 0, HVC_SP,
              "Configures one or more processors of a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMProcessor",
              HVC_EX("Enable nested virtualization (VM off)",
                     "Set-VMProcessor -VMName web01 -ExposeVirtualizationExtensions $true"))
HVC_HV_CMDLET(hvc_hv_get_vmmemory, "Get-VMMemory", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMSnapshot"), 0, 0,
              "Gets the memory of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMMemory",
              HVC_EX("Memory settings of a VM", "Get-VMMemory -VMName web01"))
HVC_HV_CMDLET(hvc_hv_set_vmmemory, "Set-VMMemory", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "ResourceObject"), 0, HVC_SP,
              "Configures the memory of a virtual machine.", "Microsoft.HyperV.PowerShell.VMMemory",
              HVC_EX("Turn dynamic memory off",
                     "Set-VMMemory -VMName web01 -DynamicMemoryEnabled $false -StartupBytes 4GB"))
HVC_HV_CMDLET(hvc_hv_get_vmharddiskdrive, "Get-VMHardDiskDrive", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Gets the virtual hard disk drives attached to one or more virtual machines.",
              "Microsoft.HyperV.PowerShell.HardDiskDrive",
              HVC_EX("The disks of a VM", "Get-VMHardDiskDrive -VMName web01"))
HVC_HV_CMDLET(hvc_hv_add_vmharddiskdrive, "Add-VMHardDiskDrive", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, HVC_SP,
              "Adds a hard disk drive to a virtual machine.",
              "Microsoft.HyperV.PowerShell.HardDiskDrive",
              HVC_EX("Attach a disk",
                     "Add-VMHardDiskDrive -VMName web01 -Path /var/lib/libvirt/images/data.qcow2"))
HVC_HV_CMDLET(
    hvc_hv_remove_vmharddiskdrive, "Remove-VMHardDiskDrive", HVC_NONE, HVC_SETS("Object", "VMName"),
    0, HVC_SP, "Deletes a hard disk drive from a virtual machine.",
    "Microsoft.HyperV.PowerShell.HardDiskDrive",
    HVC_EX("Detach every SCSI disk",
           "Get-VMHardDiskDrive -VMName web01 -ControllerType SCSI | Remove-VMHardDiskDrive"))
HVC_HV_CMDLET(hvc_hv_get_vmdvddrive, "Get-VMDvdDrive", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              0, "Gets the DVD drives attached to a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.DvdDrive",
              HVC_EX("The DVD drives of a VM", "Get-VMDvdDrive -VMName web01"))
HVC_HV_CMDLET(hvc_hv_add_vmdvddrive, "Add-VMDvdDrive", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              HVC_SP, "Adds a DVD drive to a virtual machine.",
              "Microsoft.HyperV.PowerShell.DvdDrive",
              HVC_EX("Add a DVD drive with an ISO",
                     "Add-VMDvdDrive -VMName web01 -Path /srv/iso/debian.iso"))
HVC_HV_CMDLET(hvc_hv_set_vmdvddrive, "Set-VMDvdDrive", HVC_NONE, HVC_SETS("VMName", "Object"), 0,
              HVC_SP, "Configures a virtual DVD drive.", "Microsoft.HyperV.PowerShell.DvdDrive",
              HVC_EX("Insert an ISO", "Set-VMDvdDrive -VMName web01 -Path /srv/iso/debian.iso"))
HVC_HV_CMDLET(hvc_hv_new_vhd, "New-VHD", HVC_NONE,
              HVC_SETS("DynamicWithoutSource", "Differencing", "FixedWithoutSource"), 0, HVC_SP,
              "Creates one or more new virtual hard disks.",
              "Microsoft.Vhd.PowerShell.VirtualHardDisk",
              HVC_EX("A 20 GB dynamic disk",
                     "New-VHD -Path /var/lib/libvirt/images/web01.qcow2 -SizeBytes 20GB -Dynamic"))
HVC_HV_CMDLET(hvc_hv_get_vhd, "Get-VHD", HVC_NONE, HVC_SETS("Path", "VMId"), 0, 0,
              "Gets the virtual hard disk object associated with a virtual hard disk.",
              "Microsoft.Vhd.PowerShell.VirtualHardDisk",
              HVC_EX("Inspect a disk", "Get-VHD -Path /var/lib/libvirt/images/web01.qcow2"))
HVC_HV_CMDLET(hvc_hv_resize_vhd, "Resize-VHD", HVC_NONE, HVC_SETS("Size", "ToMinimumSize"), 0,
              HVC_SP, "Resizes a virtual hard disk.", "Microsoft.Vhd.PowerShell.VirtualHardDisk",
              HVC_EX("Grow a disk",
                     "Resize-VHD -Path /var/lib/libvirt/images/web01.qcow2 -SizeBytes 40GB"))
HVC_HV_CMDLET(hvc_hv_get_vmhost, "Get-VMHost", HVC_NONE, HVC_SETS("ComputerName"), 0, 0,
              "Gets a Hyper-V host.", "Microsoft.HyperV.PowerShell.VMHost",
              HVC_EX("Can this host run nested VMs?", "(Get-VMHost).NestedVirtualizationAvailable"))
HVC_HV_CMDLET(hvc_hv_get_vmintegrationservice, "Get-VMIntegrationService", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Gets the integration services of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMIntegrationComponent",
              HVC_EX("Integration services of a VM", "Get-VMIntegrationService -VMName web01"))
HVC_HV_CMDLET(hvc_hv_convert_vhd, "Convert-VHD", HVC_NONE, HVC_NONE, 0, HVC_SP,
              "Converts the format, version type, and block size of a virtual hard disk file.",
              "Microsoft.Vhd.PowerShell.VirtualHardDisk",
              HVC_EX("A fixed copy of a dynamic disk",
                     "Convert-VHD -Path /srv/vhd/web01.vhdx -DestinationPath /srv/vhd/web01.img "
                     "-VHDType Fixed"))
HVC_HV_CMDLET(hvc_hv_test_vhd, "Test-VHD", HVC_NONE, HVC_NONE, 0, 0,
              "Tests a virtual hard disk for any problems that would make it unusable.",
              "System.Boolean",
              HVC_EX("Check every disk of a VM", "Get-VMHardDiskDrive -VMName web01 | Test-VHD"))
HVC_HV_CMDLET(hvc_hv_optimize_vhd, "Optimize-VHD", HVC_NONE, HVC_NONE, 0, HVC_SP,
              "Optimizes the allocation of space used by virtual hard disk files, except for "
              "fixed virtual hard disks.",
              "Microsoft.Vhd.PowerShell.VirtualHardDisk",
              HVC_EX("Compact a disk", "Optimize-VHD -Path /srv/vhd/web01.vhdx -Mode Full"))
/* hyperv_net.c */
HVC_HV_CMDLET(hvc_hv_get_vmnetworkadapter, "Get-VMNetworkAdapter", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "ManagementOS", "All", "VMSnapshot"), 0, 0,
              "Gets the virtual network adapters of a virtual machine, snapshot, management "
              "operating system, or of a virtual machine and management operating system.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
              HVC_EX("Adapters of a VM", "Get-VMNetworkAdapter -VMName web01"))
HVC_HV_CMDLET(hvc_hv_add_vmnetworkadapter, "Add-VMNetworkAdapter", HVC_NONE,
              HVC_SETS("VMName", "ManagementOS", "VMObject"), 0, HVC_SP,
              "Adds a virtual network adapter to a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
              HVC_EX("A second adapter on a switch",
                     "Add-VMNetworkAdapter -VMName web01 -SwitchName VmNAT -Name Backend"))
HVC_HV_CMDLET(hvc_hv_remove_vmnetworkadapter, "Remove-VMNetworkAdapter", HVC_NONE,
              HVC_SETS("VMName", "ResourceObject", "ManagementOS", "VMObject"), 0, HVC_SP,
              "Removes one or more virtual network adapters from a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
              HVC_EX("Remove an adapter by name",
                     "Remove-VMNetworkAdapter -VMName web01 -Name Backend"))
HVC_HV_CMDLET(
    hvc_hv_set_vmnetworkadapter, "Set-VMNetworkAdapter", HVC_NONE,
    HVC_SETS("VMName", "ManagementOS", "ResourceObject", "VMObject"), 0, HVC_SP,
    "Configures features of the virtual network adapter in a virtual machine or the "
    "management operating system.",
    "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
    HVC_EX("MAC address spoofing for nested guests",
           "Get-VMNetworkAdapter -VMName web01 | Set-VMNetworkAdapter -MacAddressSpoofing On"))
HVC_HV_CMDLET(
    hvc_hv_rename_vmnetworkadapter, "Rename-VMNetworkAdapter", HVC_NONE,
    HVC_SETS("VMName", "ManagementOS", "ResourceObject", "VMObject"), 0, HVC_SP,
    "Renames a virtual network adapter on a virtual machine or on the management "
    "operating system.",
    "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
    HVC_EX("Rename an adapter",
           "Rename-VMNetworkAdapter -VMName web01 -Name 'Network Adapter' -NewName Frontend"))
HVC_HV_CMDLET(
    hvc_hv_connect_vmnetworkadapter, "Connect-VMNetworkAdapter", HVC_NONE,
    HVC_SETS("Name_SwitchName", "Object_SwitchName", "Object_SwitchObject", "Name_SwitchObject"), 0,
    HVC_SP, "Connects a virtual network adapter to a virtual switch.",
    "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
    HVC_EX("Connect every adapter of a VM to a switch",
           "Get-VM web01 | Get-VMNetworkAdapter | Connect-VMNetworkAdapter -SwitchName VmNAT"))
HVC_HV_CMDLET(hvc_hv_disconnect_vmnetworkadapter, "Disconnect-VMNetworkAdapter", HVC_NONE,
              HVC_SETS("Name", "Obj"), 0, HVC_SP,
              "Disconnects a virtual network adapter from a virtual switch or Ethernet "
              "resource pool.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
              HVC_EX("Disconnect a VM's adapters", "Disconnect-VMNetworkAdapter -VMName web01"))
HVC_HV_CMDLET(hvc_hv_get_vmnetworkadaptervlan, "Get-VMNetworkAdapterVlan", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "ResourceObject"), 0, 0,
              "Gets the virtual LAN settings configured on a virtual network adapter.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting",
              HVC_EX("VLAN settings of every adapter", "Get-VMNetworkAdapterVlan"))
HVC_HV_CMDLET(hvc_hv_set_vmnetworkadaptervlan, "Set-VMNetworkAdapterVlan", HVC_NONE,
              HVC_SETS("VMName", "ResourceObject", "VMObject"), 0, HVC_SP,
              "Configures the virtual LAN settings for the traffic through a virtual network "
              "adapter.",
              "Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting",
              HVC_EX("Put a VM in VLAN 10",
                     "Set-VMNetworkAdapterVlan -VMName web01 -Access -VlanId 10"))
HVC_HV_CMDLET(hvc_hv_get_vmswitch, "Get-VMSwitch", HVC_NONE, HVC_SETS("Name", "Id"), 0, 0,
              "Gets virtual switches from one or more virtual Hyper-V hosts.",
              "Microsoft.HyperV.PowerShell.VMSwitch",
              HVC_EX("Internal switches", "Get-VMSwitch -SwitchType Internal"))
HVC_HV_CMDLET(hvc_hv_new_vmswitch, "New-VMSwitch", HVC_NONE,
              HVC_SETS("NetAdapterName", "NetAdapterInterfaceDescription", "SwitchType"), 0, HVC_SP,
              "Creates a new virtual switch on one or more virtual machine hosts.",
              "Microsoft.HyperV.PowerShell.VMSwitch",
              HVC_EX("The NAT switch of the nested-virtualization guide",
                     "New-VMSwitch -Name VmNAT -SwitchType Internal"))
HVC_HV_CMDLET(hvc_hv_remove_vmswitch, "Remove-VMSwitch", HVC_NONE, HVC_SETS("Name", "SwitchObject"),
              0, HVC_SP, "Deletes a virtual switch.", "Microsoft.HyperV.PowerShell.VMSwitch",
              HVC_EX("Delete a switch", "Remove-VMSwitch -Name VmNAT -Force"))
HVC_HV_CMDLET(hvc_hv_set_vmswitch, "Set-VMSwitch", HVC_NONE,
              HVC_SETS("SwitchName_SwitchType", "SwitchObject_SwitchType",
                       "SwitchName_NetAdapterName", "SwitchObject_NetAdapterName"),
              0, HVC_SP, "Configures a virtual switch.", "Microsoft.HyperV.PowerShell.VMSwitch",
              HVC_EX("Make a switch private", "Set-VMSwitch -Name VmNAT -SwitchType Private"))
HVC_HV_CMDLET(hvc_hv_rename_vmswitch, "Rename-VMSwitch", HVC_NONE,
              HVC_SETS("SwitchName", "SwitchObject"), 0, HVC_SP, "Renames a virtual switch.",
              "Microsoft.HyperV.PowerShell.VMSwitch",
              HVC_EX("Rename a switch", "Rename-VMSwitch -Name VmNAT -NewName NatSwitch"))
/* hyperv_snap.c */
HVC_HV_CMDLET(hvc_hv_checkpoint_vm, "Checkpoint-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0,
              HVC_SP, "Creates a checkpoint of a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMSnapshot",
              HVC_EX("Checkpoint before an update",
                     "Checkpoint-VM -Name web01 -SnapshotName 'Before update'"))
HVC_HV_CMDLET(hvc_hv_get_vmsnapshot, "Get-VMSnapshot",
              ((const char *const[]){"Get-VMCheckpoint", NULL}), HVC_SETS("VMName", "VMObject"), 0,
              0, "Gets the checkpoints associated with a virtual machine or checkpoint.",
              "Microsoft.HyperV.PowerShell.VMSnapshot",
              HVC_EX("Checkpoints of a VM", "Get-VMSnapshot -VMName web01"))
HVC_HV_CMDLET(hvc_hv_restore_vmsnapshot, "Restore-VMSnapshot",
              ((const char *const[]){"Restore-VMCheckpoint", NULL}),
              HVC_SETS("SnapshotName", "SnapshotObject", "VMObject"), 0,
              HVC_SP | HV_CF_CONFIRM_HIGH, "Restores a virtual machine checkpoint.",
              "Microsoft.HyperV.PowerShell.VMSnapshot",
              HVC_EX("Go back to a checkpoint",
                     "Restore-VMSnapshot -VMName web01 -Name 'Before update' -Confirm:$false"))
HVC_HV_CMDLET(hvc_hv_remove_vmsnapshot, "Remove-VMSnapshot",
              ((const char *const[]){"Remove-VMCheckpoint", NULL}),
              HVC_SETS("SnapshotName", "SnapshotObject", "VMObject"), 0, HVC_SP,
              "Deletes a virtual machine checkpoint.", "Microsoft.HyperV.PowerShell.VMSnapshot",
              HVC_EX("Delete old checkpoints", "Get-VMSnapshot -VMName web01 | Remove-VMSnapshot"))
/* hyperv_fw.c */
HVC_HV_CMDLET(hvc_hv_get_vmfirmware, "Get-VMFirmware", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              0, "Gets the firmware configuration of a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMFirmware",
              HVC_EX("Is secure boot on?", "(Get-VMFirmware -VMName web01).SecureBoot"))
HVC_HV_CMDLET(hvc_hv_set_vmfirmware, "Set-VMFirmware", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMFirmware"), 0, HVC_SP,
              "Sets the firmware configuration of a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMFirmware",
              HVC_EX("Boot a Linux guest: secure boot off, DVD first",
                     "Set-VMFirmware -VMName web01 -EnableSecureBoot Off -FirstBootDevice "
                     "(Get-VMDvdDrive -VMName web01)"))
HVC_HV_CMDLET(hvc_hv_get_vmbios, "Get-VMBios", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0, 0,
              "Gets the BIOS of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMBios",
              HVC_EX("Startup order of a generation 1 VM",
                     "(Get-VMBios -VMName web01).StartupOrder"))
HVC_HV_CMDLET(hvc_hv_set_vmbios, "Set-VMBios", HVC_NONE, HVC_SETS("VMName", "VMObject", "VMBios"),
              0, HVC_SP, "Configures the BIOS of a Generation 1 virtual machine.",
              "Microsoft.HyperV.PowerShell.VMBios",
              HVC_EX("Boot from CD first", "Set-VMBios -VMName web01 -StartupOrder @('CD', 'IDE', "
                                           "'LegacyNetworkAdapter', 'Floppy')"))
HVC_HV_CMDLET(hvc_hv_enable_vmintegrationservice, "Enable-VMIntegrationService", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMIntegrationService"), 0, HVC_SP,
              "Enables an integration service on a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMIntegrationComponent",
              HVC_EX("Turn on Guest Service Interface (the QEMU guest agent)",
                     "Enable-VMIntegrationService -VMName web01 -Name 'Guest Service Interface'"))
HVC_HV_CMDLET(hvc_hv_disable_vmintegrationservice, "Disable-VMIntegrationService", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMIntegrationService"), 0, HVC_SP,
              "Disables an integration service on a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMIntegrationComponent",
              HVC_EX("Stop time synchronization",
                     "Disable-VMIntegrationService -VMName web01 -Name 'Time Synchronization'"))
HVC_HV_CMDLET(hvc_hv_wait_vm, "Wait-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, 0,
              "Waits for the virtual machine to reach a specified state.", HVC_VM,
              HVC_EX("Start a VM and wait until its guest has an address",
                     "Start-VM web01; Wait-VM -Name web01 -For IPAddress -Timeout 300"))
HVC_HV_CMDLET(hvc_hv_enable_vmtpm, "Enable-VMTPM", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              HVC_SP, "Enables TPM functionality on a virtual machine.", HVC_VM,
              HVC_EX("A vTPM for Windows 11",
                     "Set-VMKeyProtector -VMName win11 -NewLocalKeyProtector; Enable-VMTPM "
                     "-VMName win11"))
HVC_HV_CMDLET(hvc_hv_disable_vmtpm, "Disable-VMTPM", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              HVC_SP, "Disables TPM functionality on a virtual machine.", HVC_VM,
              HVC_EX("Remove the vTPM", "Disable-VMTPM -VMName win11"))
HVC_HV_CMDLET(hvc_hv_set_vmkeyprotector, "Set-VMKeyProtector", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, HVC_SP,
              "Configures a key protector for a virtual machine.", HVC_VM,
              HVC_EX("A local key protector",
                     "Set-VMKeyProtector -VMName win11 -NewLocalKeyProtector"))
HVC_HV_CMDLET(hvc_hv_get_vmkeyprotector, "Get-VMKeyProtector", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Retrieves a key protector for a virtual machine.", "System.Byte",
              HVC_EX("Has a key protector?", "(Get-VMKeyProtector -VMName win11).Count -gt 0"))
HVC_HV_CMDLET(hvc_hv_get_vmsecurity, "Get-VMSecurity", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              0, "Gets security information about a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMSecurity",
              HVC_EX("Is the vTPM on?", "(Get-VMSecurity -VMName win11).TpmEnabled"))
HVC_HV_CMDLET(hvc_hv_set_vmsecurity, "Set-VMSecurity", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0,
              HVC_SP, "Configures security settings for a virtual machine.", HVC_VM,
              HVC_EX("Encrypt state and migration traffic",
                     "Set-VMSecurity -VMName win11 -EncryptStateAndVmMigrationTraffic $true"))
HVC_HV_CMDLET(hvc_hv_get_vmcomport, "Get-VMComPort", HVC_NONE, HVC_SETS("VMName", "VMObject"), 0, 0,
              "Gets the COM ports of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMComPort",
              HVC_EX("The COM ports of a VM", "Get-VMComPort -VMName web01"))
HVC_HV_CMDLET(hvc_hv_set_vmcomport, "Set-VMComPort", HVC_NONE,
              HVC_SETS("VMName", "VMObject", "VMComPort"), 0, HVC_SP,
              "Configures the COM port of a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMComPort",
              HVC_EX("A serial console on a named pipe",
                     "Set-VMComPort -VMName web01 -Number 1 -Path \\\\.\\pipe\\web01-com1"))
/* hyperv_dev.c */
HVC_HV_CMDLET(hvc_hv_rename_vm, "Rename-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Renames a virtual machine.", HVC_VM,
              HVC_EX("Rename a VM", "Rename-VM -Name web01 -NewName web02 -Passthru"))
HVC_HV_CMDLET(hvc_hv_remove_vmdvddrive, "Remove-VMDvdDrive", HVC_NONE, HVC_SETS("Object", "VMName"),
              0, HVC_SP, "Deletes a DVD drive from a virtual machine.",
              "Microsoft.HyperV.PowerShell.DvdDrive",
              HVC_EX("Remove every DVD drive of a VM",
                     "Get-VMDvdDrive -VMName web01 | Remove-VMDvdDrive"))
HVC_HV_CMDLET(hvc_hv_set_vmharddiskdrive, "Set-VMHardDiskDrive", HVC_NONE,
              HVC_SETS("Object", "VMName"), 0, HVC_SP, "Configures a virtual hard disk.",
              "Microsoft.HyperV.PowerShell.HardDiskDrive",
              HVC_EX("Move a disk to SCSI controller 1",
                     "Set-VMHardDiskDrive -VMName web01 -ControllerType IDE -ControllerNumber 0 "
                     "-ControllerLocation 1 -ToControllerType SCSI -ToControllerNumber 1"))
HVC_HV_CMDLET(hvc_hv_get_vmscsicontroller, "Get-VMScsiController", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Gets the SCSI controllers of a virtual machine or snapshot.",
              "Microsoft.HyperV.PowerShell.VMScsiController",
              HVC_EX("Controllers of a VM", "Get-VMScsiController -VMName web01"))
HVC_HV_CMDLET(hvc_hv_add_vmscsicontroller, "Add-VMScsiController", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, HVC_SP,
              "Adds a SCSI controller in a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMScsiController",
              HVC_EX("A second controller", "Add-VMScsiController -VMName web01"))
HVC_HV_CMDLET(hvc_hv_remove_vmscsicontroller, "Remove-VMScsiController", HVC_NONE,
              HVC_SETS("Object", "VMName"), 0, HVC_SP,
              "Removes a SCSI controller from a virtual machine.",
              "Microsoft.HyperV.PowerShell.VMScsiController",
              HVC_EX("Remove controller 1 and its drives",
                     "Remove-VMScsiController -VMName web01 -ControllerNumber 1"))
/* hyperv_host.c */
HVC_HV_CMDLET(hvc_hv_set_vmhost, "Set-VMHost", HVC_NONE, HVC_NONE, 0, HVC_SP,
              "Configures a Hyper-V host.", "Microsoft.HyperV.PowerShell.VMHost",
              HVC_EX("Default folders for new disks and VMs",
                     "Set-VMHost -VirtualHardDiskPath /srv/vhd -VirtualMachinePath /srv/vm"))
/* hyperv_export.c */
HVC_HV_CMDLET(hvc_hv_export_vm, "Export-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, HVC_SP,
              "Exports a virtual machine to disk.", HVC_VM,
              HVC_EX("Export a VM with its disks", "Export-VM -Name web01 -Path /srv/export"))
HVC_HV_CMDLET(hvc_hv_import_vm, "Import-VM", HVC_NONE, HVC_SETS("Register", "Copy"), 0, HVC_SP,
              "Imports a virtual machine from a file.", HVC_VM,
              HVC_EX("Import a copy with a new identity",
                     "Import-VM -Path '/srv/export/web01/Virtual Machines/<id>.xml' -Copy "
                     "-GenerateNewId -VhdDestinationPath /srv/vhd"))
HVC_HV_CMDLET(hvc_hv_rename_vmsnapshot, "Rename-VMSnapshot",
              ((const char *const[]){"Rename-VMCheckpoint", NULL}),
              HVC_SETS("SnapshotObject", "SnapshotName", "VMObject"), 1, HVC_SP,
              "Renames a virtual machine checkpoint.", "Microsoft.HyperV.PowerShell.VMSnapshot",
              HVC_EX("Rename a checkpoint",
                     "Rename-VMSnapshot -VMName web01 -Name 'Before update' -NewName 'Base OS'"))
/* hyperv_meter.c */
HVC_HV_CMDLET(hvc_hv_enable_vmresourcemetering, "Enable-VMResourceMetering", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Collects resource utilization data for a virtual machine.", HVC_NONE,
              HVC_EX("Start metering a VM", "Enable-VMResourceMetering -VMName web01"))
HVC_HV_CMDLET(hvc_hv_disable_vmresourcemetering, "Disable-VMResourceMetering", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Disables collection of resource utilization data for a virtual machine.",
              HVC_NONE,
              HVC_EX("Stop metering every VM", "Get-VM | Disable-VMResourceMetering"))
HVC_HV_CMDLET(hvc_hv_reset_vmresourcemetering, "Reset-VMResourceMetering", HVC_NONE,
              HVC_SETS("VMName", "VMObject"), 0, 0,
              "Resets the resource utilization data collected by Hyper-V resource metering.",
              HVC_NONE,
              HVC_EX("Start a new metering period", "Reset-VMResourceMetering -VMName web01"))
HVC_HV_CMDLET(hvc_hv_measure_vm, "Measure-VM", HVC_NONE, HVC_SETS("Name", "VMObject"), 0, 0,
              "Reports resource utilization data for one or more virtual machines.",
              "Microsoft.HyperV.PowerShell.VMMeteringReportForVirtualMachine",
              HVC_EX("Report usage of metered VMs", "Get-VM web* | Measure-VM"))
#undef HVC_SETS
#undef HVC_NONE
#undef HVC_SP
#undef HVC_VM
#undef HVC_EX
