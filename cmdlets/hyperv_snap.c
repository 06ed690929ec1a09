/* hyperv_snap.c — checkpoints (libvirt snapshots): Checkpoint-VM, Get-/Restore-/Remove-
 * VMSnapshot (aliases *-VMCheckpoint). */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NAMED  HV_POS_NAMED
#define P_COMPUTER(st)                                                                             \
    {                                                                                              \
        .name = "ComputerName", .type = HV_PT_STRING, .position = NAMED, .flags = HV_PF_ARRAY,     \
        .sets = st, .help = "Hyper-V hosts to run on."                                             \
    }
#define P_PASSTHRU                                                                                 \
    {                                                                                              \
        .name = "Passthru", .type = HV_PT_SWITCH, .position = NAMED,                               \
        .help = "Returns the checkpoint."                                                          \
    }
#define P_ASJOB                                                                                    \
    {                                                                                              \
        .name = "AsJob", .type = HV_PT_SWITCH, .position = NAMED,                                  \
        .help = "Accepted for compatibility; the command runs synchronously."                      \
    }

static hv_status
emit_snap_named(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, const char *name)
{
    hv_snap *s;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_snap_list(v, vm->uuid, &s, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        if (!strcmp(s[i].name, name))
            st = hv_emit(cmd, hvc_hv_snap_obj(v, vm, &s[i], s, n));
    hv_virt_snaps_free(s, n);
    return st;
}

/* ---- Checkpoint-VM ---- */
enum { CP_NAME, CP_VM, CP_SNAPNAME, CP_PASSTHRU, CP_COMPUTER, CP_ASJOB, CP__N };
const hv_param_def hvc_hv_checkpoint_vm_params[] = {
    [CP_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMName"),
                 .help = "Virtual machine names."},
    [CP_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects."},
    [CP_SNAPNAME] = {.name = "SnapshotName",
                     .type = HV_PT_STRING,
                     .position = 1,
                     .aliases = A("CheckpointName"),
                     .help = "Name of the checkpoint (default: VM name and time)."},
    [CP_PASSTHRU] = P_PASSTHRU,
    [CP_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [CP_ASJOB] = P_ASJOB,
    [CP__N] = {.name = NULL},
};

static hv_status
checkpoint(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    char *name = hvc_hv_arg_str(cmd, CP_SNAPNAME);
    if (!name) {
        /* Hyper-V's default is "<VM> - (11/27/2026 - 5:02:03 PM)"; libvirt refuses '/' in
         * snapshot names, so the date uses '-' */
        time_t t = time(NULL);
        struct tm lt;
        localtime_r(&t, &lt);
        int h12 = lt.tm_hour % 12 ? lt.tm_hour % 12 : 12;
        name = hv_xasprintf("%s - (%d-%d-%d - %d:%02d:%02d %s)", vm->name, lt.tm_mon + 1,
                            lt.tm_mday, lt.tm_year + 1900, h12, lt.tm_min, lt.tm_sec,
                            lt.tm_hour < 12 ? "AM" : "PM");
    }
    hv_status st = HV_OK;
    if (hv_should_process(cmd, vm->name, "Checkpoint-VM")) {
        hv_eng_err err = {0};
        if (hv_virt_snap_create(v, vm->uuid, name, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, CP_PASSTHRU))
            st = emit_snap_named(cmd, v, vm, name);
    }
    free(name);
    return st;
}

hv_status
hvc_hv_checkpoint_vm_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = CP_NAME, .p_vm = CP_VM, .p_computer = CP_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, checkpoint, NULL);
}

/* ---- Get-VMSnapshot ---- */
enum { GS_VMNAME, GS_VM, GS_NAME, GS_TYPE, GS_COMPUTER, GS__N };
const hv_param_def hvc_hv_get_vmsnapshot_params[] = {
    [GS_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Virtual machine names."},
    [GS_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects."},
    [GS_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_WILDCARDS,
                 .help = "Checkpoint name (wildcards allowed)."},
    [GS_TYPE] = {.name = "SnapshotType",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .enum_def = &hvc_hv_enum_snaptype,
                 .help = "Only checkpoints of this type."},
    [GS_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [GS__N] = {.name = NULL},
};

typedef hv_status (*snap_fn)(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_snap *s,
                             const hv_snap *all, size_t n, void *ud);
typedef struct {
    char **names; /* filters, NULL = every checkpoint */
    size_t nnames;
    snap_fn fn;
    void *ud;
    bool must_match; /* a literal name that matches nothing is an error */
} snap_walk;

static hv_status
walk_snaps(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    snap_walk *w = ud;
    hv_snap *s;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_snap_list(v, vm->uuid, &s, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = HV_OK;
    bool *take = hv_xcalloc(n + 1, sizeof *take);
    for (size_t k = 0; k < w->nnames && st == HV_OK; k++) {
        bool any = false;
        for (size_t i = 0; i < n; i++)
            if (hv_wildcard_match(w->names[k], s[i].name, false))
                take[i] = any = true;
        if (!any && w->must_match && !hv_wildcard_has_meta(w->names[k]))
            st = hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", w->names[k],
                              "Hyper-V was unable to find a checkpoint with name \"%s\" for "
                              "virtual machine '%s'.",
                              w->names[k], vm->name);
    }
    for (size_t i = 0; i < n && st == HV_OK; i++)
        if (take[i] || !w->nnames)
            st = w->fn(cmd, v, vm, &s[i], s, n, w->ud);
    free(take);
    hv_virt_snaps_free(s, n);
    return st;
}

static hv_status
emit_snap(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_snap *s, const hv_snap *all, size_t n,
          void *ud)
{
    (void)ud;
    return hv_emit(cmd, hvc_hv_snap_obj(v, vm, s, all, n));
}

hv_status
hvc_hv_get_vmsnapshot_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = GS_VMNAME, .p_vm = GS_VM, .p_computer = GS_COMPUTER};
    int32_t type = -1;
    if (hvc_hv_arg_enum(cmd, GS_TYPE, &hvc_hv_enum_snaptype, &type) && type != 0)
        return HV_OK; /* libvirt snapshots are all Standard checkpoints */
    snap_walk w = {.fn = emit_snap, .must_match = true};
    w.names = hvc_hv_arg_strv(cmd, GS_NAME, &w.nnames);
    hv_status st = hvc_hv_each_vm(cmd, input, &sel, walk_snaps, &w);
    hvc_hv_strv_free(w.names, w.nnames);
    return st;
}

/* ---- snapshot objects from the pipeline / -VMSnapshot ---- */
static hv_status
on_snap_obj(hv_cmd *cmd, const hv_value *obj, snap_fn fn, void *ud)
{
    hv_virt *v;
    hv_status st = hvc_hv_conn_of(cmd, obj, &v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(obj, "VMId"), *name = hvc_hv_prop_str(obj, "Name"),
         *vmname = hvc_hv_prop_str(obj, "VMName");
    hv_vm vm;
    hv_eng_err err = {0};
    if (!id || !name)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "The input object is not a checkpoint (Get-VMSnapshot).");
    else if (hv_virt_get_vm(v, id, &vm, &err) < 0)
        st = hvc_hv_vm_not_found(cmd, vmname ? vmname : id, false);
    else {
        snap_walk w = {.names = &name, .nnames = 1, .fn = fn, .ud = ud, .must_match = true};
        st = walk_snaps(cmd, v, &vm, &w);
        hv_virt_vm_clear(&vm);
    }
    free(id);
    free(name);
    free(vmname);
    return st;
}

static hv_status
each_snap_objs(hv_cmd *cmd, const hv_value *input, int p_obj, snap_fn fn, void *ud, bool *done)
{
    *done = true;
    if (hvc_hv_is(input, &hvc_hv_cls_snap))
        return on_snap_obj(cmd, input, fn, ud);
    const hv_value *objs = hv_cmd_arg(cmd, p_obj);
    if (objs && objs->kind != HV_NULL) {
        hv_status st = HV_OK;
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = on_snap_obj(cmd, objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs, fn, ud);
        return st;
    }
    *done = false;
    return HV_OK;
}

/* ---- Restore-VMSnapshot ---- */
enum { RS_NAME, RS_VMNAME, RS_SNAP, RS_VM, RS_PASSTHRU, RS_COMPUTER, RS_ASJOB, RS__N };
const hv_param_def hvc_hv_restore_vmsnapshot_params[] = {
    [RS_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(0) | HV_SET(2),
                 .help = "Checkpoint name."},
    [RS_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 1,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(0),
                   .help = "Virtual machine name."},
    [RS_SNAP] = {.name = "VMSnapshot",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                 .sets = HV_SET(1),
                 .aliases = A("VMCheckpoint"),
                 .help = "A checkpoint object."},
    [RS_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 1,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
               .sets = HV_SET(2),
               .help = "A virtual machine object."},
    [RS_PASSTHRU] = P_PASSTHRU,
    [RS_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [RS_ASJOB] = P_ASJOB,
    [RS__N] = {.name = NULL},
};

static hv_status
restore_snap(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_snap *s, const hv_snap *all, size_t n,
             void *ud)
{
    (void)ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", s->name, vm->name);
    if (!hv_should_process(cmd, target, "Restore-VMSnapshot"))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_snap_revert(v, vm->uuid, s->name, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, s->name);
    return hv_cmd_switch(cmd, RS_PASSTHRU) ? hv_emit(cmd, hvc_hv_snap_obj(v, vm, s, all, n))
                                           : HV_OK;
}

hv_status
hvc_hv_restore_vmsnapshot_process(hv_cmd *cmd, const hv_value *input)
{
    bool done;
    hv_status st = each_snap_objs(cmd, input, RS_SNAP, restore_snap, NULL, &done);
    if (done)
        return st;
    char *name = hvc_hv_arg_str(cmd, RS_NAME);
    snap_walk w = {.names = &name, .nnames = name ? 1 : 0, .fn = restore_snap, .must_match = true};
    const hv_value *vmobj = hvc_hv_is(input, &hvc_hv_cls_vm) ? input : hv_cmd_arg(cmd, RS_VM);
    hvc_hv_sel sel = {.p_name = RS_VMNAME, .p_vm = -1, .p_computer = RS_COMPUTER};
    st = hvc_hv_each_vm(cmd, vmobj, &sel, walk_snaps, &w);
    free(name);
    return st;
}

/* ---- Remove-VMSnapshot ---- */
enum { RM_VMNAME, RM_SNAP, RM_VM, RM_NAME, RM_CHILDREN, RM_PASSTHRU, RM_COMPUTER, RM_ASJOB, RM__N };
const hv_param_def hvc_hv_remove_vmsnapshot_params[] = {
    [RM_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Virtual machine names."},
    [RM_SNAP] = {.name = "VMSnapshot",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                 .sets = HV_SET(1),
                 .aliases = A("VMCheckpoint"),
                 .help = "Checkpoint objects."},
    [RM_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(2),
               .help = "Virtual machine objects."},
    [RM_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0) | HV_SET(2),
                 .help = "Checkpoint names (all when omitted)."},
    [RM_CHILDREN] = {.name = "IncludeAllChildSnapshots",
                     .type = HV_PT_SWITCH,
                     .position = NAMED,
                     .aliases = A("IncludeAllChildCheckpoints"),
                     .help = "Also deletes the checkpoints below."},
    [RM_PASSTHRU] = P_PASSTHRU,
    [RM_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [RM_ASJOB] = P_ASJOB,
    [RM__N] = {.name = NULL},
};

static hv_status
remove_snap(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_snap *s, const hv_snap *all, size_t n,
            void *ud)
{
    (void)ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", s->name, vm->name);
    if (!hv_should_process(cmd, target, "Remove-VMSnapshot"))
        return HV_OK;
    hv_value snap = hv_cmd_switch(cmd, RM_PASSTHRU) ? hvc_hv_snap_obj(v, vm, s, all, n) : hv_null();
    hv_eng_err err = {0};
    if (hv_virt_snap_delete(v, vm->uuid, s->name, hv_cmd_switch(cmd, RM_CHILDREN), &err) < 0) {
        hv_unref(snap);
        /* a child removed with its parent (-IncludeAllChildSnapshots) is already gone */
        if (err.code == HV_VIRT_E_NOT_FOUND && hv_cmd_switch(cmd, RM_CHILDREN))
            return HV_OK;
        return hvc_hv_engine_error(cmd, &err, s->name);
    }
    return snap.kind == HV_NULL ? HV_OK : hv_emit(cmd, snap);
}

hv_status
hvc_hv_remove_vmsnapshot_process(hv_cmd *cmd, const hv_value *input)
{
    bool done;
    hv_status st = each_snap_objs(cmd, input, RM_SNAP, remove_snap, NULL, &done);
    if (done)
        return st;
    snap_walk w = {.fn = remove_snap, .must_match = true};
    w.names = hvc_hv_arg_strv(cmd, RM_NAME, &w.nnames);
    hvc_hv_sel sel = {.p_name = RM_VMNAME, .p_vm = RM_VM, .p_computer = RM_COMPUTER};
    st = hvc_hv_each_vm(cmd, input, &sel, walk_snaps, &w);
    hvc_hv_strv_free(w.names, w.nnames);
    return st;
}

/* ---- Rename-VMSnapshot ---- */
enum { RN_SNAP, RN_NAME, RN_VMNAME, RN_VM, RN_NEWNAME, RN_PASSTHRU, RN_COMPUTER, RN__N };
const hv_param_def hvc_hv_rename_vmsnapshot_params[] = {
    [RN_SNAP] = {.name = "VMSnapshot",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                 .sets = HV_SET(0),
                 .aliases = A("VMCheckpoint"),
                 .help = "A checkpoint object."},
    [RN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1) | HV_SET(2),
                 .help = "The checkpoint's name."},
    [RN_VMNAME] = {.name = "VMName",
                   .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 1,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(1),
                   .help = "Virtual machine name."},
    [RN_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 1,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
               .sets = HV_SET(2),
               .help = "A virtual machine object."},
    [RN_NEWNAME] = {.name = "NewName",
                    .type = HV_PT_STRING,
                    .position = 2,
                    .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY,
                    .help = "The new name."},
    [RN_PASSTHRU] = P_PASSTHRU,
    [RN_COMPUTER] = P_COMPUTER(HV_SET(1)),
    [RN__N] = {.name = NULL},
};

static hv_status
rename_snap(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_snap *s, const hv_snap *all, size_t n,
            void *ud)
{
    (void)all;
    (void)n;
    (void)ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", s->name, vm->name);
    if (!hv_should_process(cmd, target, "Rename-VMSnapshot"))
        return HV_OK;
    char *nn = hvc_hv_arg_str(cmd, RN_NEWNAME);
    hv_eng_err err = {0};
    hv_status st = HV_OK;
    if (hv_virt_snap_rename(v, vm->uuid, s->name, nn, &err) < 0) {
        st = hvc_hv_engine_error(cmd, &err, s->name);
    } else if (hv_cmd_switch(cmd, RN_PASSTHRU)) {
        char *names[1] = {nn};
        snap_walk w = {.names = names, .nnames = 1, .fn = emit_snap, .must_match = true};
        st = walk_snaps(cmd, v, vm, &w);
    }
    free(nn);
    return st;
}

hv_status
hvc_hv_rename_vmsnapshot_process(hv_cmd *cmd, const hv_value *input)
{
    bool done;
    hv_status st = each_snap_objs(cmd, input, RN_SNAP, rename_snap, NULL, &done);
    if (done)
        return st;
    char *name = hvc_hv_arg_str(cmd, RN_NAME);
    snap_walk w = {.names = &name, .nnames = 1, .fn = rename_snap, .must_match = true};
    const hv_value *vmobj = hvc_hv_is(input, &hvc_hv_cls_vm) ? input : hv_cmd_arg(cmd, RN_VM);
    hvc_hv_sel sel = {.p_name = RN_VMNAME, .p_vm = -1, .p_computer = RN_COMPUTER};
    st = hvc_hv_each_vm(cmd, vmobj, &sel, walk_snaps, &w);
    free(name);
    return st;
}
