/* hyperv_dev.c — Rename-VM, Remove-VMDvdDrive, Set-VMHardDiskDrive and the SCSI controller
 * cmdlets (Get-/Add-/Remove-VMScsiController). */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmdlets/hyperv_params.h"

#define P_VM(st, pos)                                                                              \
    {                                                                                              \
        .name = "VM", .type = HV_PT_ANY, .position = pos,                                          \
        .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY, .sets = st,                       \
        .help = "Virtual machine objects (Get-VM)."                                                \
    }

/* ---- Rename-VM ---- */
enum { RN_NAME, RN_VM, RN_NEWNAME, RN_PASSTHRU, RN_COMPUTER, RN_CRED, RN__N };
const hv_param_def hvc_hv_rename_vm_params[] = {
    [RN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .complete = hvc_complete_vmname,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMName"),
                 .help = "The virtual machine to rename."},
    [RN_VM] = P_VM(HV_SET(1), 0),
    [RN_NEWNAME] = {.name = "NewName",
                    .type = HV_PT_STRING,
                    .position = 1,
                    .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY,
                    .help = "The new name (libvirt renames the domain; it must be off)."},
    [RN_PASSTHRU] = P_PASSTHRU,
    [RN_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [RN_CRED] = P_CREDENTIAL(HV_SET(0)),
    [RN__N] = {.name = NULL},
};

static hv_status
rename_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    char *nn = hvc_hv_arg_str(cmd, RN_NEWNAME);
    hv_status st = HV_OK;
    if (hv_should_process(cmd, vm->name, "Rename-VM")) {
        hv_vm_set s = {.new_name = nn, .auto_start_delay = -1};
        hv_eng_err err = {0};
        if (strcmp(nn, vm->name) != 0 && hv_virt_set_vm(v, vm->uuid, &s, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, RN_PASSTHRU))
            st = hvc_hv_emit_vm(cmd, v, vm->uuid);
    }
    free(nn);
    return st;
}

hv_status
hvc_hv_rename_vm_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = RN_NAME, .p_vm = RN_VM, .p_computer = RN_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, rename_vm, NULL);
}

/* ---- drive objects or -VMName + controller address ---- */
/* fn for each drive object of p_obj / the pipeline, else the drive of -VMName at the
 * address (dvd: controller number/location, optional). */
typedef hv_status (*drive_fn)(hv_cmd *cmd, hv_virt *v, const hv_value *drive, const char *uuid,
                              const char *target, const char *vmname);

static hv_status
on_drive_obj(hv_cmd *cmd, const hv_value *d, const hv_obj_class *cls, drive_fn fn)
{
    if (!hvc_hv_is(d, cls))
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "The input object is not a drive from %s.",
                            cls == &hvc_hv_cls_dvd ? "Get-VMDvdDrive" : "Get-VMHardDiskDrive");
    hv_virt *v;
    hv_status st = hvc_hv_conn_of(cmd, d, &v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(d, "VMId"), *tgt = hvc_hv_prop_str(d, "Target"),
         *name = hvc_hv_prop_str(d, "VMName");
    if (!id || !tgt)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "The drive object does not identify a drive.");
    else
        st = fn(cmd, v, d, id, tgt, name ? name : id);
    free(id);
    free(tgt);
    free(name);
    return st;
}

static hv_status
on_drive_objs(hv_cmd *cmd, const hv_value *input, int p_obj, const hv_obj_class *cls, drive_fn fn,
              bool *done)
{
    *done = true;
    if (hvc_hv_is(input, cls))
        return on_drive_obj(cmd, input, cls, fn);
    const hv_value *objs = hv_cmd_arg(cmd, p_obj);
    if (objs && objs->kind != HV_NULL) {
        hv_status st = HV_OK;
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = on_drive_obj(cmd, objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs, cls, fn);
        return st;
    }
    *done = false;
    return HV_OK;
}

typedef struct {
    drive_fn fn;
    bool dvd;
    int p_type, p_num, p_loc; /* -1 = not a parameter of this cmdlet */
} addr_ud;

static hv_status
on_drive_addr(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    const addr_ud *a = ud;
    int32_t ct = -1;
    if (a->p_type >= 0)
        hvc_hv_arg_enum(cmd, a->p_type, &hvc_hv_enum_controller, &ct);
    for (size_t i = 0; i < vm->n_disks; i++) {
        const hv_vm_disk *d = &vm->disks[i];
        if (d->is_dvd != a->dvd || (ct >= 0 && ct != d->controller_type) ||
            (a->p_num >= 0 && hv_cmd_bound(cmd, a->p_num) &&
             hvc_hv_arg_int(cmd, a->p_num, -1) != d->controller_number) ||
            (a->p_loc >= 0 && hv_cmd_bound(cmd, a->p_loc) &&
             hvc_hv_arg_int(cmd, a->p_loc, -1) != d->controller_location))
            continue;
        hv_value o = hvc_hv_disk_obj(v, vm, d);
        hv_status st = a->fn(cmd, v, &o, vm->uuid, d->target, vm->name);
        hv_unref(o);
        return st;
    }
    return hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", vm->name,
                        "Virtual machine '%s' has no %s at that location.", vm->name,
                        a->dvd ? "DVD drive" : "hard disk drive");
}

/* ---- Remove-VMDvdDrive ---- */
enum { RDV_DRIVE, RDV_VMNAME, RDV_CNUM, RDV_CLOC, RDV_PASSTHRU, RDV_COMPUTER, RDV_CRED, RDV__N };
const hv_param_def hvc_hv_remove_vmdvddrive_params[] = {
    [RDV_DRIVE] = {.name = "VMDvdDrive",
                   .type = HV_PT_ANY,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                   .sets = HV_SET(0),
                   .help = "DVD drive objects (Get-VMDvdDrive)."},
    [RDV_VMNAME] = {.name = "VMName",
                    .type = HV_PT_STRING,
                    .position = 0,
                    .complete = hvc_complete_vmname,
                    .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                    .sets = HV_SET(1),
                    .help = "The virtual machine."},
    [RDV_CNUM] = {.name = "ControllerNumber",
                  .type = HV_PT_INT32,
                  .position = 1,
                  .flags = HV_PF_MANDATORY,
                  .sets = HV_SET(1),
                  .help = "Controller number."},
    [RDV_CLOC] = {.name = "ControllerLocation",
                  .type = HV_PT_INT32,
                  .position = 2,
                  .flags = HV_PF_MANDATORY,
                  .sets = HV_SET(1),
                  .help = "Location on the controller."},
    [RDV_PASSTHRU] = P_PASSTHRU,
    [RDV_COMPUTER] = P_COMPUTER(HV_SET(1)),
    [RDV_CRED] = P_CREDENTIAL(HV_SET(1)),
    [RDV__N] = {.name = NULL},
};

static hv_status
remove_one(hv_cmd *cmd, hv_virt *v, const hv_value *drive, const char *uuid, const char *target,
           const char *vmname)
{
    if (!hv_should_process(cmd, vmname, hv_cmd_def(cmd)->name))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_disk_remove(v, uuid, target, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vmname);
    return hv_cmd_switch(cmd, RDV_PASSTHRU) ? hv_emit(cmd, hv_ref(drive)) : HV_OK;
}

hv_status
hvc_hv_remove_vmdvddrive_process(hv_cmd *cmd, const hv_value *input)
{
    bool done;
    hv_status st = on_drive_objs(cmd, input, RDV_DRIVE, &hvc_hv_cls_dvd, remove_one, &done);
    if (done)
        return st;
    static const hvc_hv_sel sel = {.p_name = RDV_VMNAME, .p_vm = -1, .p_computer = RDV_COMPUTER};
    addr_ud a = {.fn = remove_one, .dvd = true, .p_type = -1, .p_num = RDV_CNUM, .p_loc = RDV_CLOC};
    return hvc_hv_each_vm(cmd, NULL, &sel, on_drive_addr, &a);
}

/* ---- Set-VMHardDiskDrive ---- */
enum {
    SHD_DRIVE,
    SHD_VMNAME,
    SHD_CTYPE,
    SHD_CNUM,
    SHD_CLOC,
    SHD_TOTYPE,
    SHD_TONUM,
    SHD_TOLOC,
    SHD_PATH,
    SHD_MINIOPS,
    SHD_MAXIOPS,
    SHD_UNVERIFIED,
    SHD_PASSTHRU,
    SHD_COMPUTER,
    SHD_CRED,
    SHD__N
};
const hv_param_def hvc_hv_set_vmharddiskdrive_params[] = {
    [SHD_DRIVE] = {.name = "VMHardDiskDrive",
                   .type = HV_PT_ANY,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                   .sets = HV_SET(0),
                   .help = "Drive objects (Get-VMHardDiskDrive)."},
    [SHD_VMNAME] = {.name = "VMName",
                    .type = HV_PT_STRING,
                    .position = 0,
                    .complete = hvc_complete_vmname,
                    .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                    .sets = HV_SET(1),
                    .help = "The virtual machine."},
    [SHD_CTYPE] = {.name = "ControllerType",
                   .type = HV_PT_ENUM,
                   .position = 1,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(1),
                   .enum_def = &hvc_hv_enum_controller,
                   .help = "IDE or SCSI: where the drive is now."},
    [SHD_CNUM] = {.name = "ControllerNumber",
                  .type = HV_PT_INT32,
                  .position = 2,
                  .sets = HV_SET(1),
                  .help = "Controller number of the drive."},
    [SHD_CLOC] = {.name = "ControllerLocation",
                  .type = HV_PT_INT32,
                  .position = 3,
                  .sets = HV_SET(1),
                  .help = "Location of the drive."},
    [SHD_TOTYPE] = {.name = "ToControllerType",
                    .type = HV_PT_ENUM,
                    .position = NAMED,
                    .enum_def = &hvc_hv_enum_controller,
                    .help = "Move the drive to an IDE or SCSI controller."},
    [SHD_TONUM] = {.name = "ToControllerNumber",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Move the drive to this controller."},
    [SHD_TOLOC] = {.name = "ToControllerLocation",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Move the drive to this location (first free when omitted)."},
    [SHD_PATH] = {.name = "Path",
                  .type = HV_PT_STRING,
                  .position = NAMED,
                  .help = "Another virtual hard disk file for the drive."},
    [SHD_MINIOPS] = {.name = "MinimumIOPS",
                     .type = HV_PT_UINT64,
                     .position = NAMED,
                     .help = "Accepted; not expressed in libvirt."},
    [SHD_MAXIOPS] = {.name = "MaximumIOPS",
                     .type = HV_PT_UINT64,
                     .position = NAMED,
                     .help = "Accepted; not expressed in libvirt."},
    [SHD_UNVERIFIED] = {.name = "AllowUnverifiedPaths",
                        .type = HV_PT_SWITCH,
                        .position = NAMED,
                        .help = "Accepted for compatibility."},
    [SHD_PASSTHRU] = P_PASSTHRU,
    [SHD_COMPUTER] = P_COMPUTER(HV_SET(1)),
    [SHD_CRED] = P_CREDENTIAL(HV_SET(1)),
    [SHD__N] = {.name = NULL},
};

static hv_status
emit_drive_target(hv_cmd *cmd, hv_virt *v, const char *uuid, const char *target)
{
    hv_vm vm;
    hv_eng_err err = {0};
    if (hv_virt_get_vm(v, uuid, &vm, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, uuid);
    hv_status st = HV_OK;
    for (size_t i = 0; i < vm.n_disks && st == HV_OK; i++)
        if (vm.disks[i].target && !strcmp(vm.disks[i].target, target))
            st = hv_emit(cmd, hvc_hv_disk_obj(v, &vm, &vm.disks[i]));
    hv_virt_vm_clear(&vm);
    return st;
}

static hv_status
set_one(hv_cmd *cmd, hv_virt *v, const hv_value *drive, const char *uuid, const char *target,
        const char *vmname)
{
    (void)drive;
    int32_t tt = -1;
    hvc_hv_arg_enum(cmd, SHD_TOTYPE, &hvc_hv_enum_controller, &tt);
    char *path = hvc_hv_arg_str(cmd, SHD_PATH);
    hv_disk_set s = {.path = path,
                     .to_type = tt,
                     .to_number = (int)hvc_hv_arg_int(cmd, SHD_TONUM, -1),
                     .to_location = (int)hvc_hv_arg_int(cmd, SHD_TOLOC, -1)};
    hv_status st = HV_OK;
    if (hv_should_process(cmd, vmname, "Set-VMHardDiskDrive")) {
        hv_eng_err err = {0};
        char now[16];
        if (hv_virt_disk_set(v, uuid, target, &s, now, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vmname);
        else if (hv_cmd_switch(cmd, SHD_PASSTHRU))
            st = emit_drive_target(cmd, v, uuid, now);
    }
    free(path);
    return st;
}

hv_status
hvc_hv_set_vmharddiskdrive_process(hv_cmd *cmd, const hv_value *input)
{
    bool done;
    hv_status st = on_drive_objs(cmd, input, SHD_DRIVE, &hvc_hv_cls_disk, set_one, &done);
    if (done)
        return st;
    static const hvc_hv_sel sel = {.p_name = SHD_VMNAME, .p_vm = -1, .p_computer = SHD_COMPUTER};
    addr_ud a = {
        .fn = set_one, .dvd = false, .p_type = SHD_CTYPE, .p_num = SHD_CNUM, .p_loc = SHD_CLOC};
    return hvc_hv_each_vm(cmd, NULL, &sel, on_drive_addr, &a);
}

/* ---- SCSI controllers ---- */
hv_value
hvc_hv_scsi_obj(hv_virt *v, const hv_vm *vm, int number)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_scsi);
    hv_value drives = hv_array_new(4);
    for (size_t i = 0; i < vm->n_disks; i++)
        if (vm->disks[i].controller_type == 1 && vm->disks[i].controller_number == number)
            hv_array_push(&drives, hvc_hv_disk_obj(v, vm, &vm->disks[i]));
    hv_obj_set(&o, "ControllerNumber", hv_int(number));
    hv_obj_set(&o, "Drives", drives);
    hv_obj_set(&o, "Name", hv_str("SCSI Controller"));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\scsi%d", vm->uuid, number));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    char *h = hvc_hv_computer_name(v);
    hv_obj_set(&o, "ComputerName", hv_str(h));
    free(h);
    hv_obj_set(&o, "IsDeleted", hv_bool(false));
    hv_obj_set_native(&o, v);
    return o;
}

enum { GS_VMNAME, GS_VM, GS_NUM, GS_COMPUTER, GS_CRED, GS__N };
const hv_param_def hvc_hv_get_vmscsicontroller_params[] = {
    [GS_VMNAME] = {.name = "VMName",
                   .type = HV_PT_STRING,
                   .position = 0,
                   .complete = hvc_complete_vmname,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines (wildcards allowed)."},
    [GS_VM] = P_VM(HV_SET(1), 0),
    [GS_NUM] = {.name = "ControllerNumber",
                .type = HV_PT_INT32,
                .position = 1,
                .help = "Only this controller (0-3)."},
    [GS_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [GS_CRED] = P_CREDENTIAL(HV_SET(0)),
    [GS__N] = {.name = NULL},
};

static hv_status
get_scsi(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    bool have[4];
    hv_eng_err err = {0};
    if (hv_virt_scsi_list(v, vm->uuid, have, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    int only = hv_cmd_bound(cmd, GS_NUM) ? (int)hvc_hv_arg_int(cmd, GS_NUM, -1) : -1;
    hv_status st = HV_OK;
    for (int k = 0; k < 4 && st == HV_OK; k++)
        if (have[k] && (only < 0 || only == k))
            st = hv_emit(cmd, hvc_hv_scsi_obj(v, vm, k));
    return st;
}

hv_status
hvc_hv_get_vmscsicontroller_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = GS_VMNAME, .p_vm = GS_VM, .p_computer = GS_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, get_scsi, NULL);
}

enum { AS_VMNAME, AS_VM, AS_PASSTHRU, AS_COMPUTER, AS_CRED, AS__N };
const hv_param_def hvc_hv_add_vmscsicontroller_params[] = {
    [AS_VMNAME] = {.name = "VMName",
                   .type = HV_PT_STRING,
                   .position = 0,
                   .complete = hvc_complete_vmname,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines (wildcards allowed)."},
    [AS_VM] = P_VM(HV_SET(1), 0),
    [AS_PASSTHRU] = P_PASSTHRU,
    [AS_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [AS_CRED] = P_CREDENTIAL(HV_SET(0)),
    [AS__N] = {.name = NULL},
};

static hv_status
add_scsi(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (!hv_should_process(cmd, vm->name, "Add-VMScsiController"))
        return HV_OK;
    int num;
    hv_eng_err err = {0};
    if (hv_virt_scsi_add(v, vm->uuid, &num, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    if (!hv_cmd_switch(cmd, AS_PASSTHRU))
        return HV_OK;
    hv_vm now;
    if (hv_virt_get_vm(v, vm->uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = hv_emit(cmd, hvc_hv_scsi_obj(v, &now, num));
    hv_virt_vm_clear(&now);
    return st;
}

hv_status
hvc_hv_add_vmscsicontroller_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = AS_VMNAME, .p_vm = AS_VM, .p_computer = AS_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, add_scsi, NULL);
}

enum { RS_CTRL, RS_VMNAME, RS_NUM, RS_PASSTHRU, RS_COMPUTER, RS_CRED, RS__N };
const hv_param_def hvc_hv_remove_vmscsicontroller_params[] = {
    [RS_CTRL] = {.name = "VMScsiController",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                 .sets = HV_SET(0),
                 .help = "Controller objects (Get-VMScsiController)."},
    [RS_VMNAME] = {.name = "VMName",
                   .type = HV_PT_STRING,
                   .position = 0,
                   .complete = hvc_complete_vmname,
                   .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                   .sets = HV_SET(1),
                   .help = "The virtual machine."},
    [RS_NUM] = {.name = "ControllerNumber",
                .type = HV_PT_INT32,
                .position = 1,
                .flags = HV_PF_MANDATORY,
                .sets = HV_SET(1),
                .help = "The controller (its drives are removed with it)."},
    [RS_PASSTHRU] = P_PASSTHRU,
    [RS_COMPUTER] = P_COMPUTER(HV_SET(1)),
    [RS_CRED] = P_CREDENTIAL(HV_SET(1)),
    [RS__N] = {.name = NULL},
};

typedef struct {
    int number;
    const hv_value *obj; /* for -Passthru of an object */
} rs_ud;

static hv_status
remove_scsi(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    const rs_ud *u = ud;
    if (!hv_should_process(cmd, vm->name, "Remove-VMScsiController"))
        return HV_OK;
    hv_value before = u->obj ? hv_ref(u->obj) : hvc_hv_scsi_obj(v, vm, u->number);
    hv_eng_err err = {0};
    hv_status st = HV_OK;
    if (hv_virt_scsi_remove(v, vm->uuid, u->number, &err) < 0)
        st = hvc_hv_engine_error(cmd, &err, vm->name);
    else if (hv_cmd_switch(cmd, RS_PASSTHRU))
        st = hv_emit(cmd, hv_ref(&before));
    hv_unref(before);
    return st;
}

static hv_status
remove_scsi_obj(hv_cmd *cmd, const hv_value *o)
{
    if (!hvc_hv_is(o, &hvc_hv_cls_scsi))
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "The input object is not a controller from Get-VMScsiController.");
    rs_ud u = {.number = -1, .obj = o};
    const hv_value *n = hv_obj_get(o, "ControllerNumber");
    if (n && n->kind == HV_INT)
        u.number = (int)hv_int_of(n);
    return hvc_hv_each_vm_of(cmd, o, remove_scsi, &u);
}

hv_status
hvc_hv_remove_vmscsicontroller_process(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_scsi))
        return remove_scsi_obj(cmd, input);
    const hv_value *objs = hv_cmd_arg(cmd, RS_CTRL);
    if (objs && objs->kind == HV_ARRAY) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = remove_scsi_obj(cmd, hv_array_at(objs, i));
        return st;
    }
    static const hvc_hv_sel sel = {.p_name = RS_VMNAME, .p_vm = -1, .p_computer = RS_COMPUTER};
    rs_ud u = {.number = (int)hvc_hv_arg_int(cmd, RS_NUM, -1)};
    return hvc_hv_each_vm(cmd, NULL, &sel, remove_scsi, &u);
}
