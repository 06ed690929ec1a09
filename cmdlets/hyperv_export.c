/* hyperv_export.c — Export-VM and Import-VM (engine/virt_export.c). */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/hyperv_params.h"

/* ---- Export-VM ---- */
enum { EX_NAME, EX_VM, EX_PATH, EX_LIVE, EX_PASSTHRU, EX_COMPUTER, EX_CRED, EX_ASJOB, EX__N };
const hv_param_def hvc_hv_export_vm_params[] = {
    [EX_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .complete = hvc_complete_vmname,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMName"),
                 .help = "Virtual machines to export (wildcards allowed)."},
    [EX_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects (Get-VM)."},
    [EX_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_MANDATORY,
                 .help = "Folder to export into: <Path>/<VMName>/Virtual Machines and Virtual "
                         "Hard Disks."},
    [EX_LIVE] = {.name = "CaptureLiveState",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .accepted = A("CaptureSavedState", "CaptureDataConsistentState",
                               "CaptureCrashConsistentState"),
                 .help = "Accepted; the virtual machine must be off."},
    [EX_PASSTHRU] = P_PASSTHRU,
    [EX_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [EX_CRED] = P_CREDENTIAL(HV_SET(0)),
    [EX_ASJOB] = {.name = "AsJob",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [EX__N] = {.name = NULL},
};

static hv_status
export_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    char *path = hvc_hv_arg_str(cmd, EX_PATH);
    hv_status st = HV_OK;
    if (hv_should_process(cmd, vm->name, "Export-VM")) {
        hv_eng_err err = {0};
        char xml[4096];
        if (hv_virt_vm_export(v, vm->uuid, path, xml, sizeof xml, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, EX_PASSTHRU))
            st = hvc_hv_emit_vm(cmd, v, vm->uuid);
    }
    free(path);
    return st;
}

hv_status
hvc_hv_export_vm_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = EX_NAME, .p_vm = EX_VM, .p_computer = EX_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, export_vm, NULL);
}

/* ---- Import-VM ---- */
enum {
    IM_PATH,
    IM_REGISTER,
    IM_COPY,
    IM_VHDDEST,
    IM_VMPATH,
    IM_NEWID,
    IM_SNAP,
    IM_PAGING,
    IM_VHDSRC,
    IM_COMPUTER,
    IM_CRED,
    IM_ASJOB,
    IM__N
};
const hv_param_def hvc_hv_import_vm_params[] = {
    [IM_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .help = "The configuration file (Virtual Machines/<id>.xml of an export)."},
    [IM_REGISTER] = {.name = "Register",
                     .type = HV_PT_SWITCH,
                     .position = NAMED,
                     .sets = HV_SET(0),
                     .help = "Registers the virtual machine where its files are (the default)."},
    [IM_COPY] = {.name = "Copy",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Copies the virtual hard disks to -VhdDestinationPath first."},
    [IM_VHDDEST] = {.name = "VhdDestinationPath",
                    .type = HV_PT_STRING,
                    .position = 1,
                    .sets = HV_SET(1),
                    .help = "Folder for the copied disks (default: the host's "
                            "VirtualHardDiskPath)."},
    [IM_VMPATH] = {.name = "VirtualMachinePath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .sets = HV_SET(1),
                   .help = "Folder for the virtual machine's files (its Path)."},
    [IM_NEWID] = {.name = "GenerateNewId",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "A new unique identifier (and new dynamic MAC addresses)."},
    [IM_SNAP] = {.name = "SnapshotFilePath",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .sets = HV_SET(1),
                 .help = "Accepted; checkpoints are not exported."},
    [IM_PAGING] = {.name = "SmartPagingFilePath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .sets = HV_SET(1),
                   .help = "Accepted for compatibility."},
    [IM_VHDSRC] = {.name = "VhdSourcePath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .sets = HV_SET(1),
                   .help = "Accepted for compatibility."},
    [IM_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [IM_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [IM_ASJOB] = {.name = "AsJob",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Accepted for compatibility."},
    [IM__N] = {.name = NULL},
};

hv_status
hvc_hv_import_vm_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    char *path = hvc_hv_arg_str(cmd, IM_PATH), *vhd = hvc_hv_arg_str(cmd, IM_VHDDEST),
         *vmp = hvc_hv_arg_str(cmd, IM_VMPATH);
    size_t nc = 0;
    char **comps = hvc_hv_arg_strv(cmd, IM_COMPUTER, &nc);
    hv_import_spec s = {.copy = hv_cmd_switch(cmd, IM_COPY),
                        .new_id = hv_cmd_switch(cmd, IM_NEWID),
                        .vhd_dest = vhd,
                        .vm_dest = vmp};
    hv_status st = HV_OK;
    for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
        hv_virt *v;
        st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v);
        if (st != HV_OK || !hv_should_process(cmd, path, "Import-VM"))
            continue;
        hv_eng_err err = {0};
        char uuid[37];
        if (hv_virt_vm_import(v, path, &s, uuid, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, path);
        else
            st = hvc_hv_emit_vm(cmd, v, uuid);
    }
    hvc_hv_strv_free(comps, nc);
    free(path);
    free(vhd);
    free(vmp);
    return st;
}
