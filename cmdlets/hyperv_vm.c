/* hyperv_vm.c — VM lifecycle cmdlets: Get-VM, New-VM, Remove-VM, Start/Stop/Restart/
 * Suspend/Resume/Save-VM, Remove-VMSavedState, Set-VM. */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NAMED  HV_POS_NAMED
#define P_COMPUTER(st)                                                                             \
    {                                                                                              \
        .name = "ComputerName", .type = HV_PT_STRING, .position = NAMED, .flags = HV_PF_ARRAY,     \
        .sets = st, .aliases = A("PSComputerName"),                                                \
        .help = "Hyper-V hosts to run on (libvirt qemu+ssh://NAME/system, or "                     \
                "$env:HVSH_URI_TEMPLATE)."                                                         \
    }
#define P_CREDENTIAL(st)                                                                           \
    {                                                                                              \
        .name = "Credential", .type = HV_PT_ANY, .position = NAMED, .flags = HV_PF_ARRAY,          \
        .sets = st, .help = "Accepted for compatibility; ssh keys authenticate remote hosts."      \
    }
#define P_CIM(st)                                                                                  \
    {                                                                                              \
        .name = "CimSession", .type = HV_PT_ANY, .position = NAMED, .flags = HV_PF_ARRAY,          \
        .sets = st, .help = "Accepted for compatibility; use -ComputerName."                       \
    }
#define P_ASJOB                                                                                    \
    {                                                                                              \
        .name = "AsJob", .type = HV_PT_SWITCH, .position = NAMED,                                  \
        .help = "Accepted for compatibility; the command runs synchronously."                      \
    }
#define P_PASSTHRU                                                                                 \
    {                                                                                              \
        .name = "Passthru", .type = HV_PT_SWITCH, .position = NAMED,                               \
        .help = "Returns the affected object."                                                     \
    }

/* ---- shared shape of the lifecycle cmdlets: Name / VM / Passthru / ComputerName ---- */
enum { LC_NAME, LC_VM, LC_PASSTHRU, LC_COMPUTER, LC_CRED, LC_ASJOB, LC__BASE };
#define LC_PARAMS                                                                                  \
    [LC_NAME] = {.name = "Name",                                                                   \
                 .complete = hvc_complete_vmname,                                                  \
                 .type = HV_PT_STRING,                                                             \
                 .position = 0,                                                                    \
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,        \
                 .sets = HV_SET(0),                                                                \
                 .aliases = A("VMName"),                                                           \
                 .help = "Names of the virtual machines (wildcards allowed)."},                    \
    [LC_VM] = {.name = "VM",                                                                       \
               .type = HV_PT_ANY,                                                                  \
               .position = 0,                                                                      \
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,                            \
               .sets = HV_SET(1),                                                                  \
               .help = "Virtual machine objects (Get-VM)."},                                       \
    [LC_PASSTHRU] = P_PASSTHRU, [LC_COMPUTER] = P_COMPUTER(HV_SET(0)),                             \
    [LC_CRED] = P_CREDENTIAL(HV_SET(0)), [LC_ASJOB] = P_ASJOB

static const hvc_hv_sel lc_sel = {.p_name = LC_NAME, .p_vm = LC_VM, .p_computer = LC_COMPUTER};

static bool
is_on(const hv_vm *vm)
{
    return vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED || vm->state == HV_VM_STOPPING;
}

static hv_status
passthru(hv_cmd *cmd, hv_virt *v, const hv_vm *vm)
{
    if (!hv_cmd_switch(cmd, LC_PASSTHRU))
        return HV_OK;
    return hvc_hv_emit_vm(cmd, v, vm->uuid);
}

typedef int (*vm_op)(hv_virt *v, const char *uuid, hv_eng_err *err);

/* ShouldProcess, run op, report errors, -Passthru. */
static hv_status
do_op(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, vm_op op)
{
    if (!hv_should_process(cmd, vm->name, hv_cmd_def(cmd)->name))
        return HV_OK;
    hv_eng_err err = {0};
    if (op(v, vm->uuid, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    return passthru(cmd, v, vm);
}

static hv_status
already(hv_cmd *cmd, hv_virt *v, const hv_vm *vm)
{
    hv_status st = hv_write_warning(cmd,
                                    "The virtual machine '%s' is already in the specified "
                                    "state.",
                                    vm->name);
    return st != HV_OK ? st : passthru(cmd, v, vm);
}

/* ---- Get-VM ---- */
enum { GV_NAME, GV_ID, GV_COMPUTER, GV_CRED, GV_CIM, GV__N };
const hv_param_def hvc_hv_get_vm_params[] = {
    [GV_NAME] = {.name = "Name", .complete = hvc_complete_vmname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMName"),
                 .help = "Names of the virtual machines (wildcards)."},
    [GV_ID] = {.name = "Id",
               .type = HV_PT_STRING,
               .position = 0,
               .sets = HV_SET(1),
               .help = "The VMId of the virtual machine."},
    [GV_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [GV_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [GV_CIM] = P_CIM(HV_ALL_SETS),
    [GV__N] = {.name = NULL},
};

static hv_status
emit_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return hv_emit(cmd, hvc_hv_vm_obj(v, vm));
}

hv_status
hvc_hv_get_vm_process(hv_cmd *cmd, const hv_value *input)
{
    if (hv_cmd_bound(cmd, GV_ID)) {
        char *id = hvc_hv_arg_str(cmd, GV_ID);
        hv_virt *v;
        hv_status st = hvc_hv_connect(cmd, NULL, &v);
        if (st == HV_OK) {
            hv_vm vm;
            hv_eng_err err = {0};
            if (hv_virt_get_vm(v, id, &vm, &err) < 0)
                st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", id,
                                  "Hyper-V was unable to find a virtual machine with id \"%s\".",
                                  id);
            else {
                st = emit_vm(cmd, v, &vm, NULL);
                hv_virt_vm_clear(&vm);
            }
        }
        free(id);
        return st;
    }
    hvc_hv_sel sel = {.p_name = GV_NAME,
                      .p_vm = -1,
                      .p_computer = GV_COMPUTER,
                      .get_vm = true,
                      .all_if_none = true};
    return hvc_hv_each_vm(cmd, input, &sel, emit_vm, NULL);
}

/* ---- New-VM ---- */
enum {
    NV_NAME,
    NV_MEMORY,
    NV_GENERATION,
    NV_NEWVHDPATH,
    NV_NEWVHDSIZE,
    NV_VHDPATH,
    NV_BOOT,
    NV_SWITCH,
    NV_PATH,
    NV_VERSION,
    NV_NOVHD,
    NV_FORCE,
    NV_COMPUTER,
    NV_CRED,
    NV_PRERELEASE,
    NV_EXPERIMENTAL,
    NV_ASJOB,
    NV__N
};
const hv_param_def hvc_hv_new_vm_params[] = {
    [NV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .aliases = A("VMName"),
                 .help = "Name of the new virtual machine (default \"New Virtual Machine\")."},
    [NV_MEMORY] = {.name = "MemoryStartupBytes",
                   .type = HV_PT_INT64,
                   .position = 1,
                   .help = "Startup memory in bytes (default 512MB)."},
    [NV_GENERATION] = {.name = "Generation",
                       .type = HV_PT_INT32,
                       .position = 2,
                       .min = 1,
                       .max = 2,
                       .help = "Generation 1 (BIOS) or 2 (UEFI)."},
    [NV_NEWVHDPATH] = {.name = "NewVHDPath",
                       .type = HV_PT_STRING,
                       .position = NAMED,
                       .flags = HV_PF_MANDATORY,
                       .sets = HV_SET(1),
                       .help = "Creates a new qcow2 disk at this path and attaches it."},
    [NV_NEWVHDSIZE] = {.name = "NewVHDSizeBytes",
                       .type = HV_PT_UINT64,
                       .position = NAMED,
                       .flags = HV_PF_MANDATORY,
                       .sets = HV_SET(1),
                       .help = "Size of the new disk in bytes."},
    [NV_VHDPATH] = {.name = "VHDPath",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .flags = HV_PF_MANDATORY,
                    .sets = HV_SET(2),
                    .help = "Attaches an existing disk."},
    [NV_BOOT] = {.name = "BootDevice",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .enum_def = &hvc_hv_enum_bootdevice,
                 .help = "Device to boot from."},
    [NV_SWITCH] = {.name = "SwitchName", .complete = hvc_complete_switchname,
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Connects the new adapter to this switch."},
    [NV_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .help = "Folder for the virtual machine's files."},
    [NV_VERSION] = {.name = "Version",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .help = "Configuration version (accepted; libvirt has none)."},
    [NV_NOVHD] = {.name = "NoVHD",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .sets = HV_SET(0),
                  .help = "Creates the virtual machine without a disk."},
    [NV_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [NV_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [NV_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [NV_PRERELEASE] = {.name = "Prerelease",
                       .type = HV_PT_SWITCH,
                       .position = NAMED,
                       .help = "Accepted for compatibility."},
    [NV_EXPERIMENTAL] = {.name = "Experimental",
                         .type = HV_PT_SWITCH,
                         .position = NAMED,
                         .help = "Accepted for compatibility."},
    [NV_ASJOB] = P_ASJOB,
    [NV__N] = {.name = NULL},
};

/* "If only a file name is specified, the virtual hard disk is created in the default path
 * configured for the host" (New-VM -NewVHDPath): Set-VMHost -VirtualHardDiskPath. */
static char *
vhd_abs(hv_virt *v, const char *path)
{
    if (path[0] == '/')
        return hv_xstrdup(path);
    hv_vmhost_cfg cfg;
    hv_eng_err err = {0};
    char *h = hvc_hv_computer_name(v);
    hv_virt_hostcfg_load(h, &cfg, &err); /* defaults when unreadable */
    free(h);
    return hv_xasprintf("%s/%s", cfg.vhd_path, path);
}

static hv_status
new_vm_on(hv_cmd *cmd, hv_virt *v, const char *name)
{
    hv_vm_spec spec = {.name = name, .boot_device = -1};
    spec.memory_startup = (uint64_t)hvc_hv_arg_int(cmd, NV_MEMORY, 0);
    spec.generation = (int)hvc_hv_arg_int(cmd, NV_GENERATION, 1);
    int32_t boot = -1;
    if (hvc_hv_arg_enum(cmd, NV_BOOT, &hvc_hv_enum_bootdevice, &boot))
        spec.boot_device = boot;
    char *sw = hvc_hv_arg_str(cmd, NV_SWITCH), *bridge = NULL, *network = NULL;
    char *path = hvc_hv_arg_str(cmd, NV_PATH), *newvhd = NULL, *vhd = NULL;
    hv_status st = HV_OK;
    bool found = true, created = false;
    if (sw) {
        st = hvc_hv_resolve_switch(cmd, v, sw, &bridge, &network, &found);
        spec.switch_bridge = bridge;
        spec.switch_network = network;
        spec.switch_name = sw;
    }
    if (st == HV_OK && found && hv_cmd_bound(cmd, NV_VHDPATH)) {
        char *p = hvc_hv_arg_str(cmd, NV_VHDPATH);
        vhd = vhd_abs(v, p);
        free(p);
        spec.vhd_path = vhd;
    }
    spec.path = path;
    if (st != HV_OK || !found || !hv_should_process(cmd, name, "New-VM"))
        goto out;
    hv_eng_err err = {0};
    if (hv_cmd_bound(cmd, NV_NEWVHDPATH)) {
        char *p = hvc_hv_arg_str(cmd, NV_NEWVHDPATH);
        newvhd = vhd_abs(v, p);
        free(p);
        /* the test driver's host is fictional: record the path, create nothing */
        if (!hv_virt_is_test(v)) {
            uint64_t size = (uint64_t)hvc_hv_arg_int(cmd, NV_NEWVHDSIZE, 0);
            if (hv_virt_vhd_create(newvhd, size, NULL, false, &err) < 0) {
                st = hvc_hv_engine_error(cmd, &err, newvhd);
                goto out;
            }
            created = true;
        }
        spec.vhd_path = newvhd;
    }
    char uuid[37];
    if (hv_virt_vm_create(v, &spec, uuid, &err) < 0) {
        if (created)
            unlink(newvhd); /* nothing half-done */
        st = hvc_hv_engine_error(cmd, &err, name);
        goto out;
    }
    st = hvc_hv_emit_vm(cmd, v, uuid);
out:
    free(sw);
    free(bridge);
    free(network);
    free(path);
    free(newvhd);
    free(vhd);
    return st;
}

hv_status
hvc_hv_new_vm_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    char *name = hvc_hv_arg_str(cmd, NV_NAME);
    size_t nc = 0;
    char **comps = hvc_hv_arg_strv(cmd, NV_COMPUTER, &nc);
    hv_status st = HV_OK;
    for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
        hv_virt *v;
        st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v);
        if (st == HV_OK)
            st = new_vm_on(cmd, v, name ? name : "New Virtual Machine");
    }
    hvc_hv_strv_free(comps, nc);
    free(name);
    return st;
}

/* ---- Remove-VM ---- */
const hv_param_def hvc_hv_remove_vm_params[] = {
    LC_PARAMS,
    [LC__BASE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Removes without asking."},
    [LC__BASE + 1] = {.name = NULL},
};

static hv_status
remove_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (!hv_should_process(cmd, vm->name, "Remove-VM"))
        return HV_OK;
    hv_value snap = hv_cmd_switch(cmd, LC_PASSTHRU) ? hvc_hv_vm_obj(v, vm) : hv_null();
    hv_eng_err err = {0};
    if (hv_virt_vm_remove(v, vm->uuid, &err) < 0) {
        hv_unref(snap);
        return hvc_hv_engine_error(cmd, &err, vm->name);
    }
    return snap.kind == HV_NULL ? HV_OK : hv_emit(cmd, snap);
}

hv_status
hvc_hv_remove_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, remove_vm, NULL);
}

/* ---- Start-VM ---- */
const hv_param_def hvc_hv_start_vm_params[] = {
    LC_PARAMS,
    [LC__BASE] = {.name = NULL},
};

static hv_status
start_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->state == HV_VM_RUNNING)
        return already(cmd, v, vm);
    return do_op(cmd, v, vm, hv_virt_vm_start);
}

hv_status
hvc_hv_start_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, start_vm, NULL);
}

/* ---- Stop-VM ---- */
enum { LC_FORCE = LC__BASE, LC_TURNOFF, LC_SAVE, LC__N };
const hv_param_def hvc_hv_stop_vm_params[] = {
    LC_PARAMS,
    [LC_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Shuts down even if the guest has unsaved work."},
    [LC_TURNOFF] = {.name = "TurnOff",
                    .type = HV_PT_SWITCH,
                    .position = NAMED,
                    .help = "Turns the virtual machine off (pulls the power)."},
    [LC_SAVE] = {.name = "Save",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .help = "Saves the virtual machine's state (libvirt managed save)."},
    [LC__N] = {.name = NULL},
};

static int
shutdown_timeout_ms(void)
{
    const char *e = getenv("HVSH_SHUTDOWN_TIMEOUT");
    int s = e && *e ? atoi(e) : 30;
    return (s < 0 ? 0 : s) * 1000;
}

static hv_status
stop_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    bool turnoff = hv_cmd_switch(cmd, LC_TURNOFF), save = hv_cmd_switch(cmd, LC_SAVE);
    if (vm->state == HV_VM_OFF || (save && vm->state == HV_VM_SAVED))
        return already(cmd, v, vm);
    if (save)
        return do_op(cmd, v, vm, hv_virt_vm_save);
    if (turnoff || vm->state == HV_VM_SAVED)
        return do_op(cmd, v, vm, hv_virt_vm_turnoff);
    if (!hv_should_process(cmd, vm->name, "Stop-VM"))
        return HV_OK;
    hv_eng_err err = {0};
    int ms = shutdown_timeout_ms();
    if (hv_virt_vm_shutdown(v, vm->uuid, ms, &err) < 0) {
        if (err.code == HV_VIRT_E_TIMEOUT)
            return hvc_hv_error(cmd, HV_CAT_OperationTimeout, "OperationTimeout", vm->name,
                                "The virtual machine '%s' did not shut down within %d seconds: "
                                "the guest did not respond to the shutdown request (ACPI). "
                                "Use Stop-VM -TurnOff to turn it off.",
                                vm->name, ms / 1000);
        return hvc_hv_engine_error(cmd, &err, vm->name);
    }
    return passthru(cmd, v, vm);
}

hv_status
hvc_hv_stop_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, stop_vm, NULL);
}

/* ---- Restart-VM ---- */
enum { RV_FORCE = LC__BASE, RV_WAIT, RV_FOR, RV_DELAY, RV_TIMEOUT, RV_TYPE, RV__N };
/* Sets Name, NameWait, VMObject, VMObjectWait (STUB): -Wait is what selects a *Wait set, and
 * -For/-Delay/-Timeout exist only there. */
#define RV_NAME_SETS (HV_SET(0) | HV_SET(1))
#define RV_WAIT_SETS (HV_SET(1) | HV_SET(3))
const hv_param_def hvc_hv_restart_vm_params[] = {
    [LC_NAME] = {.name = "Name", .complete = hvc_complete_vmname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = RV_NAME_SETS,
                 .aliases = A("VMName"),
                 .help = "Names of the virtual machines (wildcards allowed)."},
    [LC_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(2) | HV_SET(3),
               .help = "Virtual machine objects (Get-VM)."},
    [LC_PASSTHRU] = P_PASSTHRU, [LC_COMPUTER] = P_COMPUTER(RV_NAME_SETS),
    [LC_CRED] = P_CREDENTIAL(RV_NAME_SETS), [LC_ASJOB] = P_ASJOB,
    [RV_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Restarts without asking."},
    [RV_WAIT] = {.name = "Wait",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = RV_WAIT_SETS,
                 .help = "Waits for the restart (returns once the reset is done)."},
    [RV_FOR] = {.name = "For",
                .type = HV_PT_STRING,
                .position = NAMED,
                .sets = RV_WAIT_SETS,
                .accepted = A("Heartbeat", "IPAddress", "Reboot", "MemoryOperations"),
                .help = "What to wait for."},
    [RV_DELAY] = {.name = "Delay",
                  .type = HV_PT_UINT16,
                  .position = NAMED,
                  .sets = RV_WAIT_SETS,
                  .help = "Seconds between polls."},
    [RV_TIMEOUT] = {.name = "Timeout",
                    .type = HV_PT_INT32,
                    .position = NAMED,
                    .sets = RV_WAIT_SETS,
                    .aliases = A("TimeoutSec"),
                    .help = "Seconds to wait."},
    [RV_TYPE] = {.name = "Type",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .accepted = A("Reset", "Reboot"),
                 .help = "Restart type."},
    [RV__N] = {.name = NULL},
};

static hv_status
restart_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (!is_on(vm))
        return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", vm->name,
                            "The virtual machine '%s' cannot be restarted because it is not "
                            "running.",
                            vm->name);
    if (!hv_cmd_switch(cmd, RV_WAIT))
        return do_op(cmd, v, vm, hv_virt_vm_reset);
    /* -Wait: reset, then wait for the guest as Wait-VM does (heartbeat by default); the
     * reset itself is the "reboot" of -For Reboot */
    char *f = hvc_hv_arg_str(cmd, RV_FOR);
    const char *what = f && strcasecmp(f, "Reboot") ? f : "Heartbeat";
    bool can, reached = false;
    hv_status st = hvc_hv_wait_check(cmd, v, vm, what, &can);
    if (st == HV_OK && can && hv_should_process(cmd, vm->name, "Restart-VM")) {
        hv_eng_err err = {0};
        if (hv_virt_vm_reset(v, vm->uuid, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else
            st = hvc_hv_wait_guest(cmd, v, vm, what, hvc_hv_arg_int(cmd, RV_DELAY, 5),
                                   hvc_hv_arg_int(cmd, RV_TIMEOUT, -1), &reached);
    }
    free(f);
    return st != HV_OK || !reached ? st : passthru(cmd, v, vm);
}

hv_status
hvc_hv_restart_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, restart_vm, NULL);
}

/* ---- Suspend-VM / Resume-VM / Save-VM / Remove-VMSavedState ---- */
const hv_param_def hvc_hv_suspend_vm_params[] = {LC_PARAMS, [LC__BASE] = {.name = NULL}};
const hv_param_def hvc_hv_resume_vm_params[] = {LC_PARAMS, [LC__BASE] = {.name = NULL}};
const hv_param_def hvc_hv_save_vm_params[] = {LC_PARAMS, [LC__BASE] = {.name = NULL}};

static hv_status
suspend_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->state == HV_VM_PAUSED)
        return already(cmd, v, vm);
    return do_op(cmd, v, vm, hv_virt_vm_suspend);
}

static hv_status
resume_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->state == HV_VM_RUNNING)
        return already(cmd, v, vm);
    return do_op(cmd, v, vm, hv_virt_vm_resume);
}

static hv_status
save_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->state == HV_VM_SAVED)
        return already(cmd, v, vm);
    return do_op(cmd, v, vm, hv_virt_vm_save);
}

static hv_status
remove_saved(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->state != HV_VM_SAVED)
        return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", vm->name,
                            "The virtual machine '%s' is not in the saved state.", vm->name);
    return do_op(cmd, v, vm, hv_virt_vm_remove_saved);
}

hv_status
hvc_hv_suspend_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, suspend_vm, NULL);
}

hv_status
hvc_hv_resume_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, resume_vm, NULL);
}

hv_status
hvc_hv_save_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, save_vm, NULL);
}

/* Remove-VMSavedState names its first parameter -VMName */
const hv_param_def hvc_hv_remove_vmsavedstate_params[] = {
    [LC_NAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .help = "Names of the virtual machines."},
    [LC_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects."},
    [LC_PASSTHRU] = P_PASSTHRU,
    [LC_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [LC_CRED] = P_CREDENTIAL(HV_SET(0)),
    [LC_ASJOB] = P_ASJOB,
    [LC__BASE] = {.name = NULL},
};

hv_status
hvc_hv_remove_vmsavedstate_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, remove_saved, NULL);
}

/* ---- Set-VM ---- */
enum {
    SV_PROCS = LC__BASE,
    SV_MEMSTART,
    SV_MEMMIN,
    SV_MEMMAX,
    SV_DYNAMIC,
    SV_STATIC,
    SV_ASTART,
    SV_ASTOP,
    SV_ADELAY,
    SV_NOTES,
    SV_NEWNAME,
    SV_CPTYPE,
    SV_AUTOCP,
    SV_SNAPLOC,
    SV_PAGING,
    SV__N
};
const hv_param_def hvc_hv_set_vm_params[] = {
    LC_PARAMS,
    [SV_PROCS] = {.name = "ProcessorCount",
                  .type = HV_PT_INT64,
                  .position = NAMED,
                  .help = "Number of virtual processors."},
    [SV_MEMSTART] = {.name = "MemoryStartupBytes",
                     .type = HV_PT_INT64,
                     .position = NAMED,
                     .help = "Startup memory in bytes."},
    [SV_MEMMIN] = {.name = "MemoryMinimumBytes",
                   .type = HV_PT_INT64,
                   .position = NAMED,
                   .help = "Minimum memory (dynamic memory)."},
    [SV_MEMMAX] = {.name = "MemoryMaximumBytes",
                   .type = HV_PT_INT64,
                   .position = NAMED,
                   .help = "Maximum memory (dynamic memory)."},
    [SV_DYNAMIC] = {.name = "DynamicMemory",
                    .type = HV_PT_SWITCH,
                    .position = NAMED,
                    .help = "Enables dynamic memory."},
    [SV_STATIC] = {.name = "StaticMemory",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Disables dynamic memory."},
    [SV_ASTART] = {.name = "AutomaticStartAction",
                   .type = HV_PT_ENUM,
                   .position = NAMED,
                   .enum_def = &hvc_hv_enum_startaction,
                   .help = "Action when the host starts."},
    [SV_ASTOP] = {.name = "AutomaticStopAction",
                  .type = HV_PT_ENUM,
                  .position = NAMED,
                  .enum_def = &hvc_hv_enum_stopaction,
                  .help = "Action when the host stops."},
    [SV_ADELAY] = {.name = "AutomaticStartDelay",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Seconds to wait before the automatic start."},
    [SV_NOTES] = {.name = "Notes",
                  .type = HV_PT_STRING,
                  .position = NAMED,
                  .help = "Notes (libvirt <description>)."},
    [SV_NEWNAME] = {.name = "NewVMName",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .help = "Renames the virtual machine."},
    [SV_CPTYPE] = {.name = "CheckpointType",
                   .type = HV_PT_ENUM,
                   .position = NAMED,
                   .enum_def = &hvc_hv_enum_checkpoint,
                   .help = "Type of checkpoints."},
    [SV_AUTOCP] = {.name = "AutomaticCheckpointsEnabled",
                   .type = HV_PT_BOOL,
                   .position = NAMED,
                   .help = "Accepted for compatibility."},
    [SV_SNAPLOC] = {.name = "SnapshotFileLocation",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .help = "Accepted for compatibility."},
    [SV_PAGING] = {.name = "SmartPagingFilePath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Accepted for compatibility."},
    [SV__N] = {.name = NULL},
};

static hv_status
set_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    bool dyn = hv_cmd_switch(cmd, SV_DYNAMIC), stat = hv_cmd_switch(cmd, SV_STATIC);
    if (dyn && stat)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "-DynamicMemory and -StaticMemory cannot be used together.");
    bool procs = hv_cmd_bound(cmd, SV_PROCS);
    bool mem = dyn || stat || hv_cmd_bound(cmd, SV_MEMSTART) || hv_cmd_bound(cmd, SV_MEMMIN) ||
               hv_cmd_bound(cmd, SV_MEMMAX);
    /* refuse before changing anything, so a failure leaves the VM as it was */
    if (procs && (is_on(vm) || vm->state == HV_VM_SAVED))
        return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", NULL,
                            "Failed to modify device 'Processor'.\n'%s' failed to modify device "
                            "'Processor'. (Virtual machine ID %s)\nThe processor count cannot "
                            "be changed while the virtual machine is running or saved.",
                            vm->name, vm->uuid);
    if (!hv_should_process(cmd, vm->name, "Set-VM"))
        return HV_OK;
    /* everything in one edit of the domain: all of it changes or none */
    hv_proc_set ps = {.count = hvc_hv_arg_int(cmd, SV_PROCS, -1),
                      .nested = -1,
                      .reserve = -1,
                      .maximum = -1,
                      .weight = -1};
    hv_mem_set ms = {.dynamic = dyn    ? 1
                                : stat ? 0
                                       : -1,
                     .startup = hvc_hv_arg_int(cmd, SV_MEMSTART, -1),
                     .minimum = hvc_hv_arg_int(cmd, SV_MEMMIN, -1),
                     .maximum = hvc_hv_arg_int(cmd, SV_MEMMAX, -1),
                     .buffer = -1,
                     .priority = -1};
    char *notes = hvc_hv_arg_str(cmd, SV_NOTES), *nn = hvc_hv_arg_str(cmd, SV_NEWNAME);
    hv_vm_set s = {.notes = notes,
                   .new_name = nn,
                   .auto_start = hvc_hv_arg_enum(cmd, SV_ASTART, &hvc_hv_enum_startaction, NULL),
                   .auto_stop = hvc_hv_arg_enum(cmd, SV_ASTOP, &hvc_hv_enum_stopaction, NULL),
                   .checkpoint_type =
                       hvc_hv_arg_enum(cmd, SV_CPTYPE, &hvc_hv_enum_checkpoint, NULL),
                   .auto_start_delay = (int)hvc_hv_arg_int(cmd, SV_ADELAY, -1)};
    bool general = s.notes || s.new_name || s.auto_start || s.auto_stop || s.checkpoint_type ||
                   s.auto_start_delay >= 0;
    hv_status st = HV_OK;
    hv_eng_err err = {0};
    if ((procs || mem || general) &&
        hv_virt_set_all(v, vm->uuid, procs ? &ps : NULL, mem ? &ms : NULL, general ? &s : NULL,
                        &err) < 0)
        st = hvc_hv_engine_error(cmd, &err, vm->name);
    free(notes);
    free(nn);
    return st == HV_OK ? passthru(cmd, v, vm) : st;
}

hv_status
hvc_hv_set_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &lc_sel, set_vm, NULL);
}
