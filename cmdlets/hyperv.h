/* hyperv.h — shared pieces of the Hyper-V module (cmdlets/hyperv_*.c): enums, object
 * classes, object builders, VM/switch resolution, engine error mapping. */
#ifndef HV_CMDLETS_HYPERV_H
#define HV_CMDLETS_HYPERV_H

#include "engine/virt.h"
#include "pipeline/cmdlet.h"

/* ---- enums (Hyper-V's numeric values, hyperv-cmdlets.md §4.9) ---- */
extern const hv_enum_def hvc_hv_enum_vmstate;      /* Microsoft.HyperV.PowerShell.VMState */
extern const hv_enum_def hvc_hv_enum_onoff;        /* ...OnOffState */
extern const hv_enum_def hvc_hv_enum_switchtype;   /* ...VMSwitchType */
extern const hv_enum_def hvc_hv_enum_startaction;  /* ...StartAction */
extern const hv_enum_def hvc_hv_enum_stopaction;   /* ...StopAction */
extern const hv_enum_def hvc_hv_enum_checkpoint;   /* ...CheckpointType */
extern const hv_enum_def hvc_hv_enum_bootdevice;   /* ...BootDevice */
extern const hv_enum_def hvc_hv_enum_controller;   /* ...ControllerType */
extern const hv_enum_def hvc_hv_enum_snaptype;     /* ...SnapshotType */
extern const hv_enum_def hvc_hv_enum_vhdtype;      /* Microsoft.Vhd.PowerShell.VhdType */
extern const hv_enum_def hvc_hv_enum_vhdformat;    /* Microsoft.Vhd.PowerShell.VhdFormat */
extern const hv_enum_def hvc_hv_enum_bandwidth;    /* ...VMSwitchBandwidthMode */
extern const hv_enum_def hvc_hv_enum_portmirror;   /* ...VMNetworkAdapterPortMirroringMode */
extern const hv_enum_def hvc_hv_enum_vlanmode;     /* ...VMNetworkAdapterVlanMode */
extern const hv_enum_def hvc_hv_enum_featurestate; /* Microsoft.Dism.Commands.FeatureState */
extern const hv_enum_def hvc_hv_enum_ipproto;      /* ...IPProtocolPreference */
extern const hv_enum_def hvc_hv_enum_consolemode;  /* ...ConsoleModeType */
extern const hv_enum_def hvc_hv_enum_bootsource;   /* ...VMBootSourceType */
extern const hv_enum_def
    hvc_hv_enum_installstate; /* Microsoft.Windows.ServerManager.Commands.InstallState */

/* ---- object classes ---- */
extern const hv_obj_class hvc_hv_cls_vm, hvc_hv_cls_proc, hvc_hv_cls_mem, hvc_hv_cls_nic,
    hvc_hv_cls_mgmt_nic, hvc_hv_cls_switch, hvc_hv_cls_snap, hvc_hv_cls_disk, hvc_hv_cls_dvd,
    hvc_hv_cls_host, hvc_hv_cls_vhd, hvc_hv_cls_integ, hvc_hv_cls_vlan, hvc_hv_cls_fw,
    hvc_hv_cls_bios, hvc_hv_cls_bootsource, hvc_hv_cls_scsi, hvc_hv_cls_security,
    hvc_hv_cls_comport;

/* Hyper-V VMState value of an engine state. */
int32_t hvc_hv_state_value(hv_vm_state st);

/* ---- connections: -ComputerName / $env:HVSH_URI / LIBVIRT_DEFAULT_URI ---- */
/* computer NULL, "", "localhost", "." = the local connection. Throws (HV_ERR) on failure. */
hv_status hvc_hv_connect(hv_cmd *cmd, const char *computer, hv_virt **out);
/* Completers for parameter tables: VM names and switch names of $env:HVSH_URI's host. */
char **hvc_complete_vmname(hv_ctx *ctx, const char *prefix);
char **hvc_complete_switchname(hv_ctx *ctx, const char *prefix);
/* The connection an object came from (its native), else the local one. */
hv_status hvc_hv_conn_of(hv_cmd *cmd, const hv_value *obj, hv_virt **out);
/* Name of the host for ComputerName properties (cached per connection by the engine). */
char *hvc_hv_computer_name(hv_virt *v);

/* ---- object builders (snapshots of engine structs) ---- */
hv_value hvc_hv_vm_obj(hv_virt *v, const hv_vm *vm);
hv_value hvc_hv_proc_obj(hv_virt *v, const hv_vm *vm);
hv_value hvc_hv_mem_obj(hv_virt *v, const hv_vm *vm);
hv_value hvc_hv_nic_obj(hv_virt *v, const hv_vm *vm, const hv_vm_nic *nic);
hv_value hvc_hv_switch_obj(hv_virt *v, const hv_switch *sw);
hv_value hvc_hv_snap_obj(hv_virt *v, const hv_vm *vm, const hv_snap *s, const hv_snap *all,
                         size_t n);
hv_value hvc_hv_disk_obj(hv_virt *v, const hv_vm *vm, const hv_vm_disk *d);
hv_value hvc_hv_guid(const char *uuid);
/* VMScsiController number n of a VM (its drives in Drives). */
hv_value hvc_hv_scsi_obj(hv_virt *v, const hv_vm *vm, int number);
/* "00:15:5d:00:00:01" -> "00155D000001" */
void hvc_hv_mac_display(const char *mac, char out[13]);

/* ---- argument helpers ---- */
/* A bound argument as a C string (malloc'd), NULL when unbound/null. */
char *hvc_hv_arg_str(hv_cmd *cmd, int idx);
/* Strings of a bound string or string-array argument (malloc'd array of malloc'd strings). */
char **hvc_hv_arg_strv(hv_cmd *cmd, int idx, size_t *n);
void hvc_hv_strv_free(char **v, size_t n);
/* Bool/int of a bound argument; dflt when unbound. */
int hvc_hv_arg_bool(hv_cmd *cmd, int idx, int dflt);
int64_t hvc_hv_arg_int(hv_cmd *cmd, int idx, int64_t dflt);
/* Enum name of a bound enum argument (borrowed static string), NULL when unbound. */
const char *hvc_hv_arg_enum(hv_cmd *cmd, int idx, const hv_enum_def *def, int32_t *value);
/* String property of an object (malloc'd) or NULL. */
char *hvc_hv_prop_str(const hv_value *obj, const char *name);
bool hvc_hv_is(const hv_value *v, const hv_obj_class *cls);

/* ---- errors ---- */
/* Non-terminating error from an engine error (category/FQID from err->code). */
HV_MUST_CHECK hv_status hvc_hv_engine_error(hv_cmd *cmd, const hv_eng_err *err, const char *target);
/* `Hyper-V was unable to find a virtual machine with name "X".` */
HV_MUST_CHECK hv_status hvc_hv_vm_not_found(hv_cmd *cmd, const char *name, bool get_vm);
/* Generic Hyper-V error with explicit category and id prefix ("InvalidState"). */
HV_MUST_CHECK hv_status hvc_hv_error(hv_cmd *cmd, hv_err_category cat, const char *id,
                                     const char *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- VM selection ---- */
typedef hv_status (*hvc_hv_vm_fn)(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud);
typedef struct {
    int p_name;       /* -Name/-VMName (string[]), -1 if none */
    int p_vm;         /* -VM objects, -1 if none */
    int p_computer;   /* -ComputerName, -1 if none */
    bool get_vm;      /* Get-VM's not-found error and "all when no name" */
    bool all_if_none; /* no name and no objects = every VM */
} hvc_hv_sel;
/* Calls fn for every VM the invocation addresses: the pipeline input when it is a VM (or any
 * object with a VMId), else -VM objects, else names (wildcards, case-insensitive) on each
 * -ComputerName. Names that match nothing give Hyper-V's not-found error. */
HV_MUST_CHECK hv_status hvc_hv_each_vm(hv_cmd *cmd, const hv_value *input, const hvc_hv_sel *sel,
                                       hvc_hv_vm_fn fn, void *ud);
/* Same, and a checkpoint (VMSnapshot) stands for its VM: for the Get- cmdlets whose
 * VMSnapshot set reads the VM's settings (Get-VMProcessor/-VMMemory/-VMNetworkAdapter). */
HV_MUST_CHECK hv_status hvc_hv_each_vm_or_snap(hv_cmd *cmd, const hv_value *input,
                                              const hvc_hv_sel *sel,
                                              hvc_hv_vm_fn fn, void *ud);
/* fn for the VM an object belongs to (its VMId; VMFirmware, drives, adapters...). */
HV_MUST_CHECK hv_status hvc_hv_each_vm_of(hv_cmd *cmd, const hv_value *obj, hvc_hv_vm_fn fn,
                                          void *ud);
/* The integration services of a VM whose names match one of names (all when nn = 0). */
HV_MUST_CHECK hv_status hvc_hv_emit_integ(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, char **names,
                                          size_t nn);
/* The VMHost object of a connection (Get-VMHost, Set-VMHost -Passthru). */
HV_MUST_CHECK hv_status hvc_hv_emit_host(hv_cmd *cmd, hv_virt *v);
/* Can the guest ever be up in the sense of `what`? (no: Hyper-V-style error written, *can
 * false) — checked before anything changes. */
HV_MUST_CHECK hv_status hvc_hv_wait_check(hv_cmd *cmd, hv_virt *v, const hv_vm *vm,
                                          const char *what, bool *can);
/* Wait-VM's wait: until the guest is up in the sense of `what` ("Heartbeat" (NULL),
 * "IPAddress", "Reboot", "MemoryOperations"), polling every delay_s seconds, failing with
 * Hyper-V's timeout error after timeout seconds (< 0 = never); Ctrl-C stops it. *reached
 * tells whether the state came (HV_OK also follows a non-terminating timeout error). */
HV_MUST_CHECK hv_status hvc_hv_wait_guest(hv_cmd *cmd, hv_virt *v, const hv_vm *vm,
                                          const char *what, long long delay_s, long long timeout,
                                          bool *reached);
/* Re-read a VM after a change (for -Passthru). */
HV_MUST_CHECK hv_status hvc_hv_emit_vm(hv_cmd *cmd, hv_virt *v, const char *uuid);

/* Switch lookup by name (case-insensitive); NULL when absent. */
const hv_switch *hvc_hv_find_switch(const hv_switch *sw, size_t n, const char *name);
/* Resolve -SwitchName to bridge/network for an adapter (switch_name reported back). Writes
 * Hyper-V's switch-not-found error and returns HV_ERR-or-OK with *found=false. */
HV_MUST_CHECK hv_status hvc_hv_resolve_switch(hv_cmd *cmd, hv_virt *v, const char *name,
                                              char **bridge, char **network, bool *found);

/* Parameter tables, set names and handlers of each family are exported to
 * hyperv_module.c, which holds the one cmdlet table of the module (a const array cannot be
 * assembled from several files). */
#define HVC_HV_CMDLET(pfx, ...)                                                                    \
    extern const hv_param_def pfx##_params[];                                                      \
    hv_status pfx##_process(hv_cmd *cmd, const hv_value *input);
#include "cmdlets/hyperv_list.h"
#undef HVC_HV_CMDLET

#endif
