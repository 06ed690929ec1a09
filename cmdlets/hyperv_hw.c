/* hyperv_hw.c — processor, memory, drives, virtual disks, host and integration services. */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmdlets/hyperv_params.h"

#define P_VMNAME(st, mand)                                                                         \
    {                                                                                              \
        .name = "VMName", .type = HV_PT_STRING, .position = 0, .complete = hvc_complete_vmname,     \
        .flags = (mand) | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = st,              \
        .help = "Names of the virtual machines (wildcards allowed)."                               \
    }
#define P_VM(st)                                                                                   \
    {                                                                                              \
        .name = "VM", .type = HV_PT_ANY, .position = 0,                                            \
        .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY, .sets = st,                       \
        .help = "Virtual machine objects (Get-VM)."                                                \
    }

/* Hyper-V's "Failed to modify device" error for a refused setting. */
static hv_status
modify_failed(hv_cmd *cmd, const hv_vm *vm, const char *device, const hv_eng_err *err)
{
    if (err->code != HV_VIRT_E_STATE)
        return hvc_hv_engine_error(cmd, err, vm->name);
    /* no target: `InvalidOperation: (:) [Set-VMMemory], VirtualizationException` (§5) */
    return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", NULL,
                        "Failed to modify device '%s'.\n'%s' failed to modify device '%s'. "
                        "(Virtual machine ID %s)\n%s",
                        device, vm->name, device, vm->uuid, err->msg);
}

/* ---- Get-VMProcessor / Get-VMMemory ---- */
enum { GP_VMNAME, GP_VM, GP_SNAPSHOT, GP_COMPUTER, GP_CRED, GP__N };
#define GET_PARAMS                                                                                 \
    [GP_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY), [GP_VM] = P_VM(HV_SET(1)),                 \
    [GP_SNAPSHOT] = {.name = "VMSnapshot",                                                         \
                     .type = HV_PT_ANY,                                                            \
                     .position = 0,                                                                \
                     .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,                                    \
                     .sets = HV_SET(2),                                                            \
                     .aliases = A("VMCheckpoint"),                                                 \
                     .help = "A checkpoint (its virtual machine's current settings)."},            \
    [GP_COMPUTER] = P_COMPUTER(HV_SET(0)), [GP_CRED] = P_CREDENTIAL(HV_SET(0)),                    \
    [GP__N] = {.name = NULL}

const hv_param_def hvc_hv_get_vmprocessor_params[] = {GET_PARAMS};
const hv_param_def hvc_hv_get_vmmemory_params[] = {GET_PARAMS};
static const hvc_hv_sel get_sel = {.p_name = GP_VMNAME, .p_vm = GP_VM, .p_computer = GP_COMPUTER};

static const hv_value *
snapshot_input(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_snap))
        return input;
    const hv_value *s = hv_cmd_arg(cmd, GP_SNAPSHOT);
    return s && s->kind == HV_OBJECT ? s : input;
}

static hv_status
emit_proc(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return hv_emit(cmd, hvc_hv_proc_obj(v, vm));
}

static hv_status
emit_mem(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return hv_emit(cmd, hvc_hv_mem_obj(v, vm));
}

hv_status
hvc_hv_get_vmprocessor_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm_or_snap(cmd, snapshot_input(cmd, input), &get_sel, emit_proc, NULL);
}

hv_status
hvc_hv_get_vmmemory_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm_or_snap(cmd, snapshot_input(cmd, input), &get_sel, emit_mem, NULL);
}

/* ---- Set-VMProcessor ---- */
enum {
    SP_VMNAME,
    SP_VM,
    SP_PROC,
    SP_COUNT,
    SP_NESTED,
    SP_RESERVE,
    SP_MAXIMUM,
    SP_WEIGHT,
    SP_COMPATMIG,
    SP_COMPATOLD,
    SP_HWTHREADS,
    SP_HOSTPROT,
    SP_NUMANODE,
    SP_NUMASOCKET,
    SP_POOL,
    SP_PERFMON,
    SP_PASSTHRU,
    SP_COMPUTER,
    SP_CRED,
    SP__N
};
const hv_param_def hvc_hv_set_vmprocessor_params[] = {
    [SP_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY),
    [SP_VM] = P_VM(HV_SET(1)),
    [SP_PROC] = {.name = "VMProcessor",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                 .sets = HV_SET(2),
                 .help = "Processor objects (Get-VMProcessor)."},
    [SP_COUNT] = {.name = "Count",
                  .type = HV_PT_INT64,
                  .position = NAMED,
                  .help = "Number of virtual processors (<vcpu>)."},
    [SP_NESTED] = {.name = "ExposeVirtualizationExtensions",
                   .type = HV_PT_BOOL,
                   .position = NAMED,
                   .help = "Nested virtualization: vmx/svm required (or disabled) in <cpu>."},
    [SP_RESERVE] = {.name = "Reserve",
                    .type = HV_PT_INT64,
                    .position = NAMED,
                    .help = "Reserved percentage (kept in metadata)."},
    [SP_MAXIMUM] = {.name = "Maximum",
                    .type = HV_PT_INT64,
                    .position = NAMED,
                    .help = "Limit percentage (kept in metadata)."},
    [SP_WEIGHT] = {.name = "RelativeWeight",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Relative weight (<cputune><shares>)."},
    [SP_COMPATMIG] = {.name = "CompatibilityForMigrationEnabled",
                      .type = HV_PT_BOOL,
                      .position = NAMED,
                      .help = "Accepted; not expressed in libvirt."},
    [SP_COMPATOLD] = {.name = "CompatibilityForOlderOperatingSystemsEnabled",
                      .type = HV_PT_BOOL,
                      .position = NAMED,
                      .help = "Accepted; not expressed in libvirt."},
    [SP_HWTHREADS] = {.name = "HwThreadCountPerCore",
                      .type = HV_PT_INT64,
                      .position = NAMED,
                      .help = "Accepted; not expressed in libvirt."},
    [SP_HOSTPROT] = {.name = "EnableHostResourceProtection",
                     .type = HV_PT_BOOL,
                     .position = NAMED,
                     .help = "Accepted; not expressed in libvirt."},
    [SP_NUMANODE] = {.name = "MaximumCountPerNumaNode",
                     .type = HV_PT_INT32,
                     .position = NAMED,
                     .help = "Accepted; not expressed in libvirt."},
    [SP_NUMASOCKET] = {.name = "MaximumCountPerNumaSocket",
                       .type = HV_PT_INT32,
                       .position = NAMED,
                       .help = "Accepted; not expressed in libvirt."},
    [SP_POOL] = {.name = "ResourcePoolName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .help = "Accepted; not expressed in libvirt."},
    [SP_PERFMON] = {.name = "Perfmon",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .flags = HV_PF_ARRAY,
                    .help = "Accepted; not expressed in libvirt."},
    [SP_PASSTHRU] = P_PASSTHRU,
    [SP_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SP_CRED] = P_CREDENTIAL(HV_SET(0)),
    [SP__N] = {.name = NULL},
};

static hv_status
nested_warning(hv_cmd *cmd)
{
    hv_host h = {0};
    hv_virt_host_probe(&h);
    bool amd = !strcmp(h.vendor, "AuthenticAMD");
    const char *mod = amd ? "kvm_amd" : "kvm_intel";
    return hv_write_warning(
        cmd,
        "The host cannot run nested virtual machines: %s is %s. Enable it with "
        "\"echo 'options %s nested=1' > /etc/modprobe.d/kvm-nested.conf\", then reload the "
        "module while no virtual machine runs (\"modprobe -r %s && modprobe %s\").",
        hv_virt_nested_param_path(h.vendor), h.kvm_nested < 0 ? "missing" : "off", mod, mod, mod);
}

static hv_status
set_proc(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    hv_proc_set s = {.count = hvc_hv_arg_int(cmd, SP_COUNT, -1),
                     .nested = hvc_hv_arg_bool(cmd, SP_NESTED, -1),
                     .reserve = hvc_hv_arg_int(cmd, SP_RESERVE, -1),
                     .maximum = hvc_hv_arg_int(cmd, SP_MAXIMUM, -1),
                     .weight = (int)hvc_hv_arg_int(cmd, SP_WEIGHT, -1)};
    if (hv_cmd_bound(cmd, SP_COUNT) && s.count < 1)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "The processor count %lld is out of range.", (long long)s.count);
    if (!hv_should_process(cmd, vm->name, "Set-VMProcessor"))
        return HV_OK;
    hv_eng_err err = {0};
    bool warn = false;
    if (hv_virt_set_processor(v, vm->uuid, &s, &warn, &err) < 0)
        return modify_failed(cmd, vm, "Processor", &err);
    hv_status st = warn ? nested_warning(cmd) : HV_OK;
    if (st != HV_OK || !hv_cmd_switch(cmd, SP_PASSTHRU))
        return st;
    hv_vm now;
    if (hv_virt_get_vm(v, vm->uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    st = hv_emit(cmd, hvc_hv_proc_obj(v, &now));
    hv_virt_vm_clear(&now);
    return st;
}

hv_status
hvc_hv_set_vmprocessor_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SP_VMNAME, .p_vm = SP_VM, .p_computer = SP_COMPUTER};
    const hv_value *objs = hv_cmd_arg(cmd, SP_PROC);
    if (objs && objs->kind == HV_ARRAY && !hvc_hv_is(input, &hvc_hv_cls_proc)) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = hvc_hv_each_vm(cmd, hv_array_at(objs, i), &sel, set_proc, NULL);
        return st;
    }
    return hvc_hv_each_vm(cmd, input, &sel, set_proc, NULL);
}

/* ---- Set-VMMemory ---- */
enum {
    SM_VMNAME,
    SM_VM,
    SM_MEM,
    SM_BUFFER,
    SM_DYNAMIC,
    SM_MAX,
    SM_MIN,
    SM_STARTUP,
    SM_PRIORITY,
    SM_NUMA,
    SM_POOL,
    SM_PASSTHRU,
    SM_COMPUTER,
    SM_CRED,
    SM__N
};
const hv_param_def hvc_hv_set_vmmemory_params[] = {
    [SM_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY),
    [SM_VM] = P_VM(HV_SET(1)),
    [SM_MEM] = {.name = "VMMemory",
                .type = HV_PT_ANY,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                .sets = HV_SET(2),
                .help = "Memory objects (Get-VMMemory)."},
    [SM_BUFFER] = {.name = "Buffer",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Memory buffer percentage, 5-2000 (dynamic memory)."},
    [SM_DYNAMIC] = {.name = "DynamicMemoryEnabled",
                    .type = HV_PT_BOOL,
                    .position = NAMED,
                    .help = "Dynamic memory: <memory> = Maximum, <currentMemory> = Startup."},
    [SM_MAX] = {.name = "MaximumBytes",
                .type = HV_PT_INT64,
                .position = NAMED,
                .help = "Maximum memory in bytes."},
    [SM_MIN] = {.name = "MinimumBytes",
                .type = HV_PT_INT64,
                .position = NAMED,
                .help = "Minimum memory in bytes."},
    [SM_STARTUP] = {.name = "StartupBytes",
                    .type = HV_PT_INT64,
                    .position = NAMED,
                    .help = "Startup memory in bytes."},
    [SM_PRIORITY] = {.name = "Priority",
                     .type = HV_PT_INT32,
                     .position = NAMED,
                     .help = "Memory weight, 0-100."},
    [SM_NUMA] = {.name = "MaximumAmountPerNumaNodeBytes",
                 .type = HV_PT_INT64,
                 .position = NAMED,
                 .help = "Accepted; not expressed in libvirt."},
    [SM_POOL] = {.name = "ResourcePoolName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .help = "Accepted; not expressed in libvirt."},
    [SM_PASSTHRU] = P_PASSTHRU,
    [SM_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SM_CRED] = P_CREDENTIAL(HV_SET(0)),
    [SM__N] = {.name = NULL},
};

static hv_status
set_mem(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    hv_mem_set s = {.dynamic = hvc_hv_arg_bool(cmd, SM_DYNAMIC, -1),
                    .startup = hvc_hv_arg_int(cmd, SM_STARTUP, -1),
                    .minimum = hvc_hv_arg_int(cmd, SM_MIN, -1),
                    .maximum = hvc_hv_arg_int(cmd, SM_MAX, -1),
                    .buffer = (int)hvc_hv_arg_int(cmd, SM_BUFFER, -1),
                    .priority = (int)hvc_hv_arg_int(cmd, SM_PRIORITY, -1)};
    if (!hv_should_process(cmd, vm->name, "Set-VMMemory"))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_set_memory(v, vm->uuid, &s, &err) < 0)
        return modify_failed(cmd, vm, "Memory", &err);
    if (!hv_cmd_switch(cmd, SM_PASSTHRU))
        return HV_OK;
    hv_vm now;
    if (hv_virt_get_vm(v, vm->uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = hv_emit(cmd, hvc_hv_mem_obj(v, &now));
    hv_virt_vm_clear(&now);
    return st;
}

hv_status
hvc_hv_set_vmmemory_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SM_VMNAME, .p_vm = SM_VM, .p_computer = SM_COMPUTER};
    const hv_value *objs = hv_cmd_arg(cmd, SM_MEM);
    if (objs && objs->kind == HV_ARRAY && !hvc_hv_is(input, &hvc_hv_cls_mem)) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = hvc_hv_each_vm(cmd, hv_array_at(objs, i), &sel, set_mem, NULL);
        return st;
    }
    return hvc_hv_each_vm(cmd, input, &sel, set_mem, NULL);
}

/* ---- drives ---- */
enum { GD_VMNAME, GD_VM, GD_CTYPE, GD_CNUM, GD_CLOC, GD_COMPUTER, GD_CRED, GD__N };
#define DRIVE_GET_PARAMS                                                                           \
    [GD_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY), [GD_VM] = P_VM(HV_SET(1)),                 \
    [GD_CTYPE] = {.name = "ControllerType",                                                        \
                  .type = HV_PT_ENUM,                                                              \
                  .position = NAMED,                                                               \
                  .enum_def = &hvc_hv_enum_controller,                                             \
                  .help = "IDE or SCSI."},                                                         \
    [GD_CNUM] = {.name = "ControllerNumber",                                                       \
                 .type = HV_PT_INT32,                                                              \
                 .position = NAMED,                                                                \
                 .help = "Controller number."},                                                    \
    [GD_CLOC] = {.name = "ControllerLocation",                                                     \
                 .type = HV_PT_INT32,                                                              \
                 .position = NAMED,                                                                \
                 .help = "Location on the controller."},                                           \
    [GD_COMPUTER] = P_COMPUTER(HV_SET(0)), [GD_CRED] = P_CREDENTIAL(HV_SET(0)),                    \
    [GD__N] = {.name = NULL}
const hv_param_def hvc_hv_get_vmharddiskdrive_params[] = {DRIVE_GET_PARAMS};
const hv_param_def hvc_hv_get_vmdvddrive_params[] = {DRIVE_GET_PARAMS};

static bool
drive_matches(hv_cmd *cmd, const hv_vm_disk *d, int p_type, int p_num, int p_loc)
{
    int32_t ct;
    if (hvc_hv_arg_enum(cmd, p_type, &hvc_hv_enum_controller, &ct) && ct != d->controller_type)
        return false;
    if (hv_cmd_bound(cmd, p_num) && hvc_hv_arg_int(cmd, p_num, -1) != d->controller_number)
        return false;
    if (hv_cmd_bound(cmd, p_loc) && hvc_hv_arg_int(cmd, p_loc, -1) != d->controller_location)
        return false;
    return true;
}

static hv_status
emit_drives(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    bool dvd = ud != NULL;
    hv_status st = HV_OK;
    for (size_t i = 0; i < vm->n_disks && st == HV_OK; i++)
        if (vm->disks[i].is_dvd == dvd &&
            drive_matches(cmd, &vm->disks[i], GD_CTYPE, GD_CNUM, GD_CLOC))
            st = hv_emit(cmd, hvc_hv_disk_obj(v, vm, &vm->disks[i]));
    return st;
}

static const hvc_hv_sel drive_sel = {.p_name = GD_VMNAME, .p_vm = GD_VM, .p_computer = GD_COMPUTER};

hv_status
hvc_hv_get_vmharddiskdrive_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &drive_sel, emit_drives, NULL);
}

hv_status
hvc_hv_get_vmdvddrive_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &drive_sel, emit_drives, (void *)1);
}

enum {
    AD_VMNAME,
    AD_VM,
    AD_CTYPE,
    AD_CNUM,
    AD_CLOC,
    AD_PATH,
    AD_PASSTHRU,
    AD_COMPUTER,
    AD_CRED,
    AD_UNVERIFIED,
    AD__N
};
const hv_param_def hvc_hv_add_vmharddiskdrive_params[] = {
    [AD_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY),
    [AD_VM] = P_VM(HV_SET(1)),
    [AD_CTYPE] = {.name = "ControllerType",
                  .type = HV_PT_ENUM,
                  .position = 1,
                  .enum_def = &hvc_hv_enum_controller,
                  .help = "IDE or SCSI."},
    [AD_CNUM] = {.name = "ControllerNumber",
                 .type = HV_PT_INT32,
                 .position = 2,
                 .help = "Controller number (first free when omitted)."},
    [AD_CLOC] = {.name = "ControllerLocation",
                 .type = HV_PT_INT32,
                 .position = 3,
                 .help = "Location (first free when omitted)."},
    [AD_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 4,
                 .flags = HV_PF_BY_PROPERTY_NAME,
                 .help = "The disk image file."},
    [AD_PASSTHRU] = P_PASSTHRU,
    [AD_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [AD_CRED] = P_CREDENTIAL(HV_SET(0)),
    [AD_UNVERIFIED] = {.name = "AllowUnverifiedPaths",
                       .type = HV_PT_SWITCH,
                       .position = NAMED,
                       .help = "Accepted for compatibility."},
    [AD__N] = {.name = NULL},
};

const hv_param_def hvc_hv_add_vmdvddrive_params[] = {
    [AD_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY),
    [AD_VM] = P_VM(HV_SET(1)),
    [AD_CTYPE] = {.name = "ControllerType",
                  .type = HV_PT_ENUM,
                  .position = NAMED,
                  .enum_def = &hvc_hv_enum_controller,
                  .help = "IDE or SCSI."},
    [AD_CNUM] = {.name = "ControllerNumber",
                 .type = HV_PT_INT32,
                 .position = 1,
                 .help = "Controller number (first free when omitted)."},
    [AD_CLOC] = {.name = "ControllerLocation",
                 .type = HV_PT_INT32,
                 .position = 2,
                 .help = "Location (first free when omitted)."},
    [AD_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 3,
                 .help = "An ISO image to insert, or none."},
    [AD_PASSTHRU] = P_PASSTHRU,
    [AD_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [AD_CRED] = P_CREDENTIAL(HV_SET(0)),
    [AD_UNVERIFIED] = {.name = "AllowUnverifiedPaths",
                       .type = HV_PT_SWITCH,
                       .position = NAMED,
                       .help = "Accepted for compatibility."},
    [AD__N] = {.name = NULL},
};

/* After a change: emit the drive at (dvd, type, number, location), or the last one added. */
static hv_status
emit_drive_at(hv_cmd *cmd, hv_virt *v, const char *uuid, bool dvd, const char *path)
{
    hv_vm vm;
    hv_eng_err err = {0};
    if (hv_virt_get_vm(v, uuid, &vm, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, uuid);
    hv_status st = HV_OK;
    const hv_vm_disk *pick = NULL;
    for (size_t i = 0; i < vm.n_disks; i++)
        if (vm.disks[i].is_dvd == dvd &&
            (!path || (vm.disks[i].path && !strcmp(vm.disks[i].path, path))))
            pick = &vm.disks[i];
    if (pick)
        st = hv_emit(cmd, hvc_hv_disk_obj(v, &vm, pick));
    hv_virt_vm_clear(&vm);
    return st;
}

typedef struct {
    bool dvd;
    int scsi; /* a VMScsiController piped in: its number, else -1 */
} add_ud;

static hv_status
add_drive(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    const add_ud *u = ud;
    bool dvd = u->dvd;
    char *path = hvc_hv_arg_str(cmd, AD_PATH);
    int32_t ct = -1;
    hvc_hv_arg_enum(cmd, AD_CTYPE, &hvc_hv_enum_controller, &ct);
    if (u->scsi >= 0)
        ct = 1;
    if (dvd && ct < 0)
        ct = vm->generation == 2 ? 1 : 0;
    hv_disk_spec s = {.path = path,
                      .dvd = dvd,
                      .controller_type = ct,
                      .controller_number =
                          u->scsi >= 0 ? u->scsi : (int)hvc_hv_arg_int(cmd, AD_CNUM, -1),
                      .controller_location = (int)hvc_hv_arg_int(cmd, AD_CLOC, -1)};
    hv_status st = HV_OK;
    if (!dvd && !path)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                          "Specify the virtual hard disk with -Path.");
    else if (hv_should_process(cmd, vm->name, hv_cmd_def(cmd)->name)) {
        hv_eng_err err = {0};
        if (hv_virt_disk_add(v, vm->uuid, &s, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, AD_PASSTHRU))
            st = emit_drive_at(cmd, v, vm->uuid, dvd, path);
    }
    free(path);
    return st;
}

static const hvc_hv_sel add_sel = {.p_name = AD_VMNAME, .p_vm = AD_VM, .p_computer = AD_COMPUTER};

/* Piped VMs, or a VMScsiController (Get-VMScsiController | Add-VMHardDiskDrive): its VM,
 * on that controller. */
static hv_status
add_process(hv_cmd *cmd, const hv_value *input, bool dvd)
{
    add_ud u = {.dvd = dvd, .scsi = -1};
    if (hvc_hv_is(input, &hvc_hv_cls_scsi)) {
        const hv_value *n = hv_obj_get(input, "ControllerNumber");
        u.scsi = n && n->kind == HV_INT ? (int)hv_int_of(n) : 0;
        return hvc_hv_each_vm_of(cmd, input, add_drive, &u);
    }
    return hvc_hv_each_vm(cmd, hvc_hv_is(input, &hvc_hv_cls_vm) ? input : NULL, &add_sel, add_drive,
                          &u);
}

hv_status
hvc_hv_add_vmharddiskdrive_process(hv_cmd *cmd, const hv_value *input)
{
    return add_process(cmd, input, false);
}

hv_status
hvc_hv_add_vmdvddrive_process(hv_cmd *cmd, const hv_value *input)
{
    return add_process(cmd, input, true);
}

/* Remove-VMHardDiskDrive: [-VMHardDiskDrive] objects, or -VMName + controller address */
enum { RD_DRIVE, RD_VMNAME, RD_CTYPE, RD_CNUM, RD_CLOC, RD_PASSTHRU, RD_COMPUTER, RD__N };
const hv_param_def hvc_hv_remove_vmharddiskdrive_params[] = {
    [RD_DRIVE] = {.name = "VMHardDiskDrive",
                  .type = HV_PT_ANY,
                  .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                  .sets = HV_SET(0),
                  .help = "Drive objects (Get-VMHardDiskDrive)."},
    [RD_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(1),
                   .help = "The virtual machine."},
    [RD_CTYPE] = {.name = "ControllerType",
                  .type = HV_PT_ENUM,
                  .position = 1,
                  .flags = HV_PF_MANDATORY,
                  .sets = HV_SET(1),
                  .enum_def = &hvc_hv_enum_controller,
                  .help = "IDE or SCSI."},
    [RD_CNUM] = {.name = "ControllerNumber",
                 .type = HV_PT_INT32,
                 .position = 2,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Controller number."},
    [RD_CLOC] = {.name = "ControllerLocation",
                 .type = HV_PT_INT32,
                 .position = 3,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Location."},
    [RD_PASSTHRU] = P_PASSTHRU,
    [RD_COMPUTER] = P_COMPUTER(HV_SET(1)),
    [RD__N] = {.name = NULL},
};

static hv_status
remove_drive_obj(hv_cmd *cmd, const hv_value *d)
{
    hv_virt *v;
    hv_status st = hvc_hv_conn_of(cmd, d, &v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(d, "VMId"), *tgt = hvc_hv_prop_str(d, "Target"),
         *name = hvc_hv_prop_str(d, "VMName");
    if (!id || !tgt)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "The input object is not a drive from Get-VMHardDiskDrive.");
    else if (hv_should_process(cmd, name ? name : id, hv_cmd_def(cmd)->name)) {
        hv_eng_err err = {0};
        if (hv_virt_disk_remove(v, id, tgt, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, name);
        else if (hv_cmd_switch(cmd, RD_PASSTHRU))
            st = hv_emit(cmd, hv_ref(d));
    }
    free(id);
    free(tgt);
    free(name);
    return st;
}

static hv_status
remove_drive_addr(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    for (size_t i = 0; i < vm->n_disks; i++) {
        if (vm->disks[i].is_dvd || !drive_matches(cmd, &vm->disks[i], RD_CTYPE, RD_CNUM, RD_CLOC))
            continue;
        hv_value o = hvc_hv_disk_obj(v, vm, &vm->disks[i]);
        hv_status st = remove_drive_obj(cmd, &o);
        hv_unref(o);
        return st;
    }
    return hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", vm->name,
                        "No hard disk drive was found at the given controller location of "
                        "virtual machine '%s'.",
                        vm->name);
}

hv_status
hvc_hv_remove_vmharddiskdrive_process(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_disk))
        return remove_drive_obj(cmd, input);
    const hv_value *objs = hv_cmd_arg(cmd, RD_DRIVE);
    if (objs && objs->kind != HV_NULL) {
        hv_status st = HV_OK;
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = remove_drive_obj(cmd, objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs);
        return st;
    }
    static const hvc_hv_sel sel = {.p_name = RD_VMNAME, .p_vm = -1, .p_computer = RD_COMPUTER};
    return hvc_hv_each_vm(cmd, NULL, &sel, remove_drive_addr, NULL);
}

/* Set-VMDvdDrive: [-VMName] + [[-ControllerNumber]] [[-ControllerLocation]], or
 * [-VMDvdDrive] objects; -Path (empty or $null ejects). */
enum {
    SD_VMNAME,
    SD_DRIVE,
    SD_CNUM,
    SD_CLOC,
    SD_PATH,
    SD_PASSTHRU,
    SD_COMPUTER,
    SD_UNVERIFIED,
    SD__N
};
const hv_param_def hvc_hv_set_vmdvddrive_params[] = {
    [SD_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                   .sets = HV_SET(0),
                   .help = "The virtual machine."},
    [SD_DRIVE] = {.name = "VMDvdDrive",
                  .type = HV_PT_ANY,
                  .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                  .sets = HV_SET(1),
                  .help = "DVD drive objects (Get-VMDvdDrive)."},
    [SD_CNUM] = {.name = "ControllerNumber",
                 .type = HV_PT_INT32,
                 .position = 1,
                 .sets = HV_SET(0),
                 .help = "Controller number."},
    [SD_CLOC] = {.name = "ControllerLocation",
                 .type = HV_PT_INT32,
                 .position = 2,
                 .sets = HV_SET(0),
                 .help = "Location."},
    [SD_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .help = "ISO image to insert; empty ejects."},
    [SD_PASSTHRU] = P_PASSTHRU,
    [SD_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SD_UNVERIFIED] = {.name = "AllowUnverifiedPaths",
                       .type = HV_PT_SWITCH,
                       .position = NAMED,
                       .help = "Accepted for compatibility."},
    [SD__N] = {.name = NULL},
};

static hv_status
set_dvd_obj(hv_cmd *cmd, const hv_value *d)
{
    hv_virt *v;
    hv_status st = hvc_hv_conn_of(cmd, d, &v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(d, "VMId"), *tgt = hvc_hv_prop_str(d, "Target"),
         *name = hvc_hv_prop_str(d, "VMName"), *path = hvc_hv_arg_str(cmd, SD_PATH);
    if (path && !*path) {
        free(path);
        path = NULL;
    }
    if (!id || !tgt)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "The input object is not a DVD drive from Get-VMDvdDrive.");
    else if (hv_should_process(cmd, name ? name : id, "Set-VMDvdDrive")) {
        hv_eng_err err = {0};
        if (hv_virt_dvd_set(v, id, tgt, path, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, name);
        else if (hv_cmd_switch(cmd, SD_PASSTHRU))
            st = emit_drive_at(cmd, v, id, true, path);
    }
    free(id);
    free(tgt);
    free(name);
    free(path);
    return st;
}

static hv_status
set_dvd_addr(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    for (size_t i = 0; i < vm->n_disks; i++) {
        const hv_vm_disk *d = &vm->disks[i];
        if (!d->is_dvd ||
            (hv_cmd_bound(cmd, SD_CNUM) &&
             hvc_hv_arg_int(cmd, SD_CNUM, -1) != d->controller_number) ||
            (hv_cmd_bound(cmd, SD_CLOC) &&
             hvc_hv_arg_int(cmd, SD_CLOC, -1) != d->controller_location))
            continue;
        hv_value o = hvc_hv_disk_obj(v, vm, d);
        hv_status st = set_dvd_obj(cmd, &o);
        hv_unref(o);
        return st;
    }
    return hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", vm->name,
                        "Virtual machine '%s' has no DVD drive at that location.", vm->name);
}

hv_status
hvc_hv_set_vmdvddrive_process(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_dvd))
        return set_dvd_obj(cmd, input);
    const hv_value *objs = hv_cmd_arg(cmd, SD_DRIVE);
    if (objs && objs->kind != HV_NULL) {
        hv_status st = HV_OK;
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = set_dvd_obj(cmd, objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs);
        return st;
    }
    static const hvc_hv_sel sel = {.p_name = SD_VMNAME, .p_vm = -1, .p_computer = SD_COMPUTER};
    return hvc_hv_each_vm(cmd, NULL, &sel, set_dvd_addr, NULL);
}

/* ---- virtual hard disks (local files through qemu-img) ---- */
static hv_value
vhd_obj(const hv_vhd *d)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_vhd);
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%s", d->format ? d->format : "");
    for (char *p = fmt; *p; p++)
        *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    if (!strcmp(fmt, "VPC"))
        snprintf(fmt, sizeof fmt, "VHD");
    /* New-VHD stores a .vhdx as qcow2 (what libvirt can attach): the name says VHDX */
    size_t pl = d->path ? strlen(d->path) : 0;
    if (!strcmp(fmt, "QCOW2") && pl > 5 && !strcasecmp(d->path + pl - 5, ".vhdx"))
        snprintf(fmt, sizeof fmt, "VHDX");
    const char *type = d->parent                                          ? "Differencing"
                       : (!strcmp(fmt, "RAW") || d->file_size >= d->size) ? "Fixed"
                                                                          : "Dynamic";
    hv_obj_set(&o, "ComputerName", hv_str("localhost"));
    hv_obj_set(&o, "Path", hv_str(d->path));
    hv_obj_set(&o, "VhdFormat", hv_str(fmt));
    int32_t tv = 3;
    hv_enum_parse(&hvc_hv_enum_vhdtype, type, &tv);
    hv_obj_set(&o, "VhdType", hv_enum(&hvc_hv_enum_vhdtype, tv));
    hv_obj_set(&o, "FileSize", hv_uint64(d->file_size));
    hv_obj_set(&o, "Size", hv_uint64(d->size));
    hv_obj_set(&o, "MinimumSize", hv_null());
    hv_obj_set(&o, "LogicalSectorSize", hv_intk(512, HV_N_UINT32));
    hv_obj_set(&o, "PhysicalSectorSize", hv_intk(512, HV_N_UINT32));
    hv_obj_set(&o, "BlockSize", hv_intk(0, HV_N_UINT32));
    hv_obj_set(&o, "ParentPath", hv_str(d->parent ? d->parent : ""));
    hv_obj_set(&o, "DiskIdentifier", hv_str(""));
    hv_obj_set(&o, "FragmentationPercentage", hv_null());
    hv_obj_set(&o, "Alignment", hv_intk(1, HV_N_UINT32));
    hv_obj_set(&o, "Attached", hv_bool(false));
    hv_obj_set(&o, "DiskNumber", hv_null());
    hv_obj_set(&o, "IsPMEMCompatible", hv_bool(false));
    hv_obj_set(&o, "AddressAbstractionType", hv_str("None"));
    hv_obj_set(&o, "Number", hv_null());
    return o;
}

static hv_status
emit_vhd(hv_cmd *cmd, const char *path)
{
    hv_vhd d;
    hv_eng_err err = {0};
    if (hv_virt_vhd_info(path, &d, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, path);
    hv_status st = hv_emit(cmd, vhd_obj(&d));
    hv_virt_vhd_clear(&d);
    return st;
}

enum {
    NH_PATH,
    NH_SIZE,
    NH_PARENT,
    NH_DYNAMIC,
    NH_FIXED,
    NH_DIFF,
    NH_BLOCK,
    NH_LSECT,
    NH_PSECT,
    NH_COMPUTER,
    NH_ASJOB,
    NH__N
};
const hv_param_def hvc_hv_new_vhd_params[] = {
    [NH_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                 .help = "Files to create."},
    [NH_SIZE] = {.name = "SizeBytes",
                 .type = HV_PT_UINT64,
                 .position = 1,
                 .flags = HV_PF_MANDATORY,
                 .mandatory_sets = HV_SET(0) | HV_SET(2),
                 .help = "Virtual size in bytes."},
    [NH_PARENT] = {.name = "ParentPath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(1),
                   .help = "Parent disk (backing file)."},
    [NH_DYNAMIC] = {.name = "Dynamic",
                    .type = HV_PT_SWITCH,
                    .position = NAMED,
                    .sets = HV_SET(0),
                    .help = "Grows as data is written (qcow2)."},
    [NH_FIXED] = {.name = "Fixed",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .flags = HV_PF_MANDATORY,
                  .sets = HV_SET(2),
                  .help = "Allocates the whole size now."},
    [NH_DIFF] = {.name = "Differencing",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .sets = HV_SET(1),
                 .help = "A child of -ParentPath."},
    [NH_BLOCK] = {.name = "BlockSizeBytes",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [NH_LSECT] = {.name = "LogicalSectorSizeBytes",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [NH_PSECT] = {.name = "PhysicalSectorSizeBytes",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [NH_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [NH_ASJOB] = {.name = "AsJob",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [NH__N] = {.name = NULL},
};

hv_status
hvc_hv_new_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    char **paths = hvc_hv_arg_strv(cmd, NH_PATH, &n);
    char *parent = hvc_hv_arg_str(cmd, NH_PARENT);
    uint64_t size = (uint64_t)hvc_hv_arg_int(cmd, NH_SIZE, 0);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!hv_should_process(cmd, paths[i], "New-VHD"))
            continue;
        hv_eng_err err = {0};
        if (hv_virt_vhd_create(paths[i], size, parent, hv_cmd_switch(cmd, NH_FIXED), &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, paths[i]);
        else
            st = emit_vhd(cmd, paths[i]);
    }
    hvc_hv_strv_free(paths, n);
    free(parent);
    return st;
}

enum { GH_PATH, GH_VMID, GH_COMPUTER, GH__N };
const hv_param_def hvc_hv_get_vhd_params[] = {
    [GH_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .sets = HV_SET(0),
                 .aliases = A("FullName"),
                 .help = "Disk files."},
    [GH_VMID] = {.name = "VMId",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .sets = HV_SET(1),
                 .help = "The disks of these virtual machines."},
    [GH_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [GH__N] = {.name = NULL},
};

static hv_status
vm_vhds(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)v;
    (void)ud;
    hv_status st = HV_OK;
    for (size_t i = 0; i < vm->n_disks && st == HV_OK; i++)
        if (!vm->disks[i].is_dvd && vm->disks[i].path)
            st = emit_vhd(cmd, vm->disks[i].path);
    return st;
}

hv_status
hvc_hv_get_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_vm) || hvc_hv_is(input, &hvc_hv_cls_disk)) {
        if (hvc_hv_is(input, &hvc_hv_cls_disk)) {
            char *p = hvc_hv_prop_str(input, "Path");
            hv_status st = p ? emit_vhd(cmd, p) : HV_OK;
            free(p);
            return st;
        }
        static const hvc_hv_sel sel = {.p_name = -1, .p_vm = -1, .p_computer = -1};
        return hvc_hv_each_vm(cmd, input, &sel, vm_vhds, NULL);
    }
    if (hv_cmd_set_index(cmd) == 1) {
        size_t n;
        char **ids = hvc_hv_arg_strv(cmd, GH_VMID, &n);
        hv_virt *v;
        hv_status st = hvc_hv_connect(cmd, NULL, &v);
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            hv_vm vm;
            hv_eng_err err = {0};
            if (hv_virt_get_vm(v, ids[i], &vm, &err) < 0)
                st = hvc_hv_vm_not_found(cmd, ids[i], false);
            else {
                st = vm_vhds(cmd, v, &vm, NULL);
                hv_virt_vm_clear(&vm);
            }
        }
        hvc_hv_strv_free(ids, n);
        return st;
    }
    size_t n;
    char **paths = hvc_hv_arg_strv(cmd, GH_PATH, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = emit_vhd(cmd, paths[i]);
    hvc_hv_strv_free(paths, n);
    return st;
}

enum { RH_PATH, RH_SIZE, RH_MIN, RH_PASSTHRU, RH_COMPUTER, RH__N };
const hv_param_def hvc_hv_resize_vhd_params[] = {
    [RH_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .aliases = A("FullName"),
                 .help = "Disk files."},
    [RH_SIZE] = {.name = "SizeBytes",
                 .type = HV_PT_UINT64,
                 .position = 1,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(0),
                 .help = "New virtual size."},
    [RH_MIN] = {.name = "ToMinimumSize",
                .type = HV_PT_SWITCH,
                .position = NAMED,
                .flags = HV_PF_MANDATORY,
                .sets = HV_SET(1),
                .help = "Shrinks to the smallest size (not supported for qcow2)."},
    [RH_PASSTHRU] = P_PASSTHRU,
    [RH_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [RH__N] = {.name = NULL},
};

hv_status
hvc_hv_resize_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    char **paths = hvc_hv_arg_strv(cmd, RH_PATH, &n);
    uint64_t size = (uint64_t)hvc_hv_arg_int(cmd, RH_SIZE, 0);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (hv_cmd_switch(cmd, RH_MIN)) {
            st = hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", paths[i],
                              "-ToMinimumSize is not supported: qemu-img cannot compute the "
                              "minimum size of a guest file system.");
            continue;
        }
        if (!hv_should_process(cmd, paths[i], "Resize-VHD"))
            continue;
        hv_eng_err err = {0};
        if (hv_virt_vhd_resize(paths[i], size, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, paths[i]);
        else if (hv_cmd_switch(cmd, RH_PASSTHRU))
            st = emit_vhd(cmd, paths[i]);
    }
    hvc_hv_strv_free(paths, n);
    return st;
}

/* ---- Get-VMHost ---- */
enum { GHO_COMPUTER, GHO_CRED, GHO__N };
const hv_param_def hvc_hv_get_vmhost_params[] = {
    [GHO_COMPUTER] = {.name = "ComputerName",
                      .type = HV_PT_STRING,
                      .position = 0,
                      .flags = HV_PF_BY_VALUE | HV_PF_ARRAY,
                      .help = "Hyper-V hosts."},
    [GHO_CRED] = {.name = "Credential",
                  .type = HV_PT_ANY,
                  .position = 1,
                  .flags = HV_PF_ARRAY,
                  .help = "Accepted for compatibility."},
    [GHO__N] = {.name = NULL},
};

static const char *
nested_detail(const hv_host *h, bool *avail)
{
    *avail = false;
    if (!h->dev_kvm)
        return "No /dev/kvm: KVM is not available; QEMU runs guests by emulation (TCG), which "
               "emulates AMD SVM for nested guests.";
    if (h->caps_nested == 0)
        return "libvirt's domain capabilities disable vmx/svm in host-model: KVM will not "
               "expose virtualization extensions to guests.";
    if (h->kvm_nested < 0)
        return "The kvm_intel/kvm_amd module is not loaded: nested virtualization through KVM "
               "is unavailable.";
    if (h->kvm_nested == 0)
        return "The kvm module parameter 'nested' is off: enable it with "
               "'options kvm_intel nested=1' (or kvm_amd) in /etc/modprobe.d and reload the "
               "module.";
    *avail = true;
    return "KVM nested virtualization is enabled.";
}

hv_status
hvc_hv_emit_host(hv_cmd *cmd, hv_virt *v)
{
    hv_host h;
    hv_eng_err err = {0};
    if (hv_virt_host_info(v, &h, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, NULL);
    hv_value o = hv_obj_new(&hvc_hv_cls_host);
    hv_obj_set(&o, "Name", hv_str(h.name));
    hv_obj_set(&o, "ComputerName", hv_str(h.name));
    hv_obj_set(&o, "FullyQualifiedDomainName", hv_str(h.name));
    hv_obj_set(&o, "LogicalProcessorCount", hv_int(h.logical_processors));
    hv_obj_set(&o, "MemoryCapacity", hv_long((int64_t)h.memory_bytes));
    /* the settings Set-VMHost keeps in hvsh's state (defaults until set) */
    hv_vmhost_cfg cfg;
    char *cn = hvc_hv_computer_name(v);
    int lr = hv_virt_hostcfg_load(cn, &cfg, &err);
    free(cn);
    if (lr < 0) {
        hv_unref(o);
        hv_virt_host_clear(&h);
        return hvc_hv_engine_error(cmd, &err, NULL);
    }
    hv_obj_set(&o, "VirtualHardDiskPath", hv_str(cfg.vhd_path));
    hv_obj_set(&o, "VirtualMachinePath", hv_str(cfg.vm_path));
    hv_obj_set(&o, "MacAddressMinimum", hv_str(cfg.mac_min));
    hv_obj_set(&o, "MacAddressMaximum", hv_str(cfg.mac_max));
    hv_obj_set(&o, "NumaSpanningEnabled", hv_bool(cfg.numa_spanning));
    hv_obj_set(&o, "EnableEnhancedSessionMode", hv_bool(cfg.enhanced_session));
    hv_obj_set(&o, "MaximumVirtualMachineMigrations", hv_int(cfg.max_vm_migrations));
    hv_obj_set(&o, "MaximumStorageMigrations", hv_int(cfg.max_storage_migrations));
    hv_obj_set(&o, "IovSupport", hv_bool(false));
    hv_obj_set(&o, "VirtualMachineMigrationEnabled", hv_bool(false));
    hv_obj_set(&o, "HypervisorPresent", hv_bool(h.dev_kvm));
    bool avail;
    const char *detail = nested_detail(&h, &avail);
    hv_obj_set(&o, "NestedVirtualizationAvailable", hv_bool(avail));
    hv_obj_set(&o, "NestedVirtualizationDetails", hv_str(detail));
    hv_obj_set(&o, "ProcessorVendor", hv_str(h.vendor));
    hv_obj_set(&o, "LibvirtUri", hv_str(hv_virt_uri(v) ? hv_virt_uri(v) : ""));
    hv_virt_host_clear(&h);
    return hv_emit(cmd, o);
}

hv_status
hvc_hv_get_vmhost_process(hv_cmd *cmd, const hv_value *input)
{
    size_t n = 0;
    char **comps = hvc_hv_arg_strv(cmd, GHO_COMPUTER, &n);
    if (!comps && input && input->kind == HV_STRING) {
        comps = hv_xcalloc(2, sizeof *comps);
        comps[0] = hv_xstrdup(hv_str_cstr(input));
        n = 1;
    }
    hv_status st = HV_OK;
    for (size_t i = 0; i < (n ? n : 1) && st == HV_OK; i++) {
        hv_virt *v;
        st = hvc_hv_connect(cmd, n ? comps[i] : NULL, &v);
        if (st == HV_OK)
            st = hvc_hv_emit_host(cmd, v);
    }
    hvc_hv_strv_free(comps, n);
    return st;
}

/* ---- Get-VMIntegrationService (listing) ---- */
enum { GI_VMNAME, GI_VM, GI_NAME, GI_COMPUTER, GI__N };
const hv_param_def hvc_hv_get_vmintegrationservice_params[] = {
    [GI_VMNAME] = P_VMNAME(HV_SET(0), HV_PF_MANDATORY),
    [GI_VM] = P_VM(HV_SET(1)),
    [GI_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Integration service names."},
    [GI_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [GI__N] = {.name = NULL},
};

static hv_status
emit_integ(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    size_t nn;
    char **names = hvc_hv_arg_strv(cmd, GI_NAME, &nn);
    hv_status st = hvc_hv_emit_integ(cmd, v, vm, names, nn);
    hvc_hv_strv_free(names, nn);
    return st;
}

hv_status
hvc_hv_get_vmintegrationservice_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = GI_VMNAME, .p_vm = GI_VM, .p_computer = GI_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, emit_integ, NULL);
}

/* ---- Convert-VHD / Test-VHD / Optimize-VHD (qemu-img) ---- */
enum {
    CV_PATH,
    CV_DEST,
    CV_TYPE,
    CV_PARENT,
    CV_BLOCK,
    CV_DELETE,
    CV_PASSTHRU,
    CV_COMPUTER,
    CV_ASJOB,
    CV__N
};
const hv_param_def hvc_hv_convert_vhd_params[] = {
    [CV_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .aliases = A("FullName"),
                 .help = "The disk to convert."},
    [CV_DEST] = {.name = "DestinationPath",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_MANDATORY,
                 .help = "The new file; its name decides the format (.vhdx as qcow2, .vhd as "
                         "vpc, .img/.raw as raw)."},
    [CV_TYPE] = {.name = "VHDType",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .enum_def = &hvc_hv_enum_vhdtype,
                 .help = "Fixed, Dynamic or Differencing (with -ParentPath)."},
    [CV_PARENT] = {.name = "ParentPath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Parent of a differencing result."},
    [CV_BLOCK] = {.name = "BlockSizeBytes",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [CV_DELETE] = {.name = "DeleteSource",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Deletes the source once the conversion succeeded."},
    [CV_PASSTHRU] = P_PASSTHRU,
    [CV_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [CV_ASJOB] = {.name = "AsJob",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [CV__N] = {.name = NULL},
};

hv_status
hvc_hv_convert_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    char *src = hvc_hv_arg_str(cmd, CV_PATH), *dst = hvc_hv_arg_str(cmd, CV_DEST),
         *parent = hvc_hv_arg_str(cmd, CV_PARENT);
    int32_t type = -1;
    hvc_hv_arg_enum(cmd, CV_TYPE, &hvc_hv_enum_vhdtype, &type);
    hv_status st = HV_OK;
    if (type == 0)
        type = -1; /* Unknown = keep */
    if (type == 4 && !parent)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", dst,
                          "Converting to a differencing disk needs -ParentPath.");
    else if (hv_should_process(cmd, src, "Convert-VHD")) {
        hv_eng_err err = {0};
        if (hv_virt_vhd_convert(src, dst, type, parent, &err) < 0) {
            st = hvc_hv_engine_error(cmd, &err, dst);
        } else {
            if (hv_cmd_switch(cmd, CV_DELETE) && unlink(src) < 0)
                st = hvc_hv_error(cmd, HV_CAT_WriteError, "OperationFailed", src,
                                  "The source '%s' could not be deleted.", src);
            if (st == HV_OK && hv_cmd_switch(cmd, CV_PASSTHRU))
                st = emit_vhd(cmd, dst);
        }
    }
    free(src);
    free(dst);
    free(parent);
    return st;
}

enum { TV_PATH, TV_RESERV, TV_COMPUTER, TV__N };
const hv_param_def hvc_hv_test_vhd_params[] = {
    [TV_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .aliases = A("FullName"),
                 .help = "Disks to check (qemu-img check)."},
    [TV_RESERV] = {.name = "SupportPersistentReservations",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Accepted for compatibility."},
    [TV_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [TV__N] = {.name = NULL},
};

hv_status
hvc_hv_test_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    char **paths = hvc_hv_arg_strv(cmd, TV_PATH, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        bool ok;
        char detail[512];
        hv_eng_err err = {0};
        if (hv_virt_vhd_check(paths[i], &ok, detail, sizeof detail, &err) < 0) {
            st = hvc_hv_engine_error(cmd, &err, paths[i]);
            continue;
        }
        if (!ok && detail[0])
            st = hv_write_verbose(cmd, "%s: %s", paths[i], detail);
        if (st == HV_OK)
            st = hv_emit(cmd, hv_bool(ok));
    }
    hvc_hv_strv_free(paths, n);
    return st;
}

enum { OV_PATH, OV_MODE, OV_PASSTHRU, OV_COMPUTER, OV_ASJOB, OV__N };
const hv_param_def hvc_hv_optimize_vhd_params[] = {
    [OV_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .aliases = A("FullName"),
                 .help = "Dynamic disks to compact (rewritten without unused clusters)."},
    [OV_MODE] = {.name = "Mode",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .accepted = A("Full", "Quick", "Retrim", "Pretrimmed", "Prezeroed"),
                 .help = "Accepted; every mode rewrites the allocated data."},
    [OV_PASSTHRU] = P_PASSTHRU,
    [OV_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [OV_ASJOB] = {.name = "AsJob",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [OV__N] = {.name = NULL},
};

hv_status
hvc_hv_optimize_vhd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    char **paths = hvc_hv_arg_strv(cmd, OV_PATH, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!hv_should_process(cmd, paths[i], "Optimize-VHD"))
            continue;
        hv_eng_err err = {0};
        if (hv_virt_vhd_optimize(paths[i], &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, paths[i]);
        else if (hv_cmd_switch(cmd, OV_PASSTHRU))
            st = emit_vhd(cmd, paths[i]);
    }
    hvc_hv_strv_free(paths, n);
    return st;
}
