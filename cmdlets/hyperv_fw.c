/* hyperv_fw.c — firmware and BIOS (Get-/Set-VMFirmware, Get-/Set-VMBios), integration
 * services (Enable-/Disable-VMIntegrationService) and Wait-VM. */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/hyperv_params.h"

#define P_VMNAME(st)                                                                               \
    {                                                                                              \
        .name = "VMName", .type = HV_PT_STRING, .position = 0, .complete = hvc_complete_vmname,    \
        .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = st,     \
        .help = "Names of the virtual machines (wildcards allowed)."                               \
    }
#define P_VM(st)                                                                                   \
    {                                                                                              \
        .name = "VM", .type = HV_PT_ANY, .position = 0,                                            \
        .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY, .sets = st,                       \
        .help = "Virtual machine objects (Get-VM)."                                                \
    }

static void
set_common(hv_value *o, hv_virt *v, const hv_vm *vm)
{
    hv_obj_set(o, "VMName", hv_str(vm->name));
    hv_obj_set(o, "VMId", hvc_hv_guid(vm->uuid));
    char *h = hvc_hv_computer_name(v);
    hv_obj_set(o, "ComputerName", hv_str(h));
    free(h);
    hv_obj_set(o, "IsDeleted", hv_bool(false));
    hv_obj_set_native(o, v);
}

/* OnOffState: On = 0, Off = 1 */
static hv_value
onoff(bool on)
{
    return hv_enum(&hvc_hv_enum_onoff, on ? 0 : 1);
}

static hv_status
wrong_generation(hv_cmd *cmd, const hv_vm *vm, bool want_gen2)
{
    return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                        want_gen2 ? "Generation 1 virtual machines do not support the VMFirmware "
                                    "cmdlets. Use Get-VMBios and Set-VMBios instead."
                                  : "Generation 2 virtual machines do not support the VMBios "
                                    "cmdlets. Use Get-VMFirmware and Set-VMFirmware instead.");
}

/* ---- objects ---- */
static const struct {
    const char *name, *id;
} sb_templates[] = {
    {"MicrosoftWindows", "1734c6e8-3154-4dda-ba5f-a874cc483422"},
    {"MicrosoftUEFICertificateAuthority", "272e7447-90a4-4563-a4b9-8e4ab00526ce"},
    {"OpenSourceShieldedVM", "4292ae2b-ee2c-42b5-a969-dd8f8689f6f3"},
};

static hv_value
boot_source(hv_virt *v, const hv_vm *vm, const hv_boot_entry *e)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_bootsource);
    hv_value dev = hv_null();
    char path[96] = "";
    if (e->network) {
        for (size_t i = 0; i < vm->n_nics; i++)
            if (!strcasecmp(vm->nics[i].mac, e->id)) {
                dev = hvc_hv_nic_obj(v, vm, &vm->nics[i]);
                char mac[13];
                hvc_hv_mac_display(vm->nics[i].mac, mac);
                snprintf(path, sizeof path, "\\MAC(%s)", mac);
            }
    } else {
        for (size_t i = 0; i < vm->n_disks; i++)
            if (vm->disks[i].target && !strcmp(vm->disks[i].target, e->id)) {
                dev = hvc_hv_disk_obj(v, vm, &vm->disks[i]);
                snprintf(path, sizeof path, "\\%s(%d,%d)",
                         vm->disks[i].controller_type ? "Scsi" : "Ata",
                         vm->disks[i].controller_number, vm->disks[i].controller_location);
            }
    }
    hv_obj_set(&o, "BootType", hv_enum(&hvc_hv_enum_bootsource, e->network ? 1 : 0));
    hv_obj_set(&o, "Description", hv_str(e->network ? "EFI Network" : "EFI SCSI Device"));
    hv_obj_set(&o, "FirmwarePath", hv_str(path));
    hv_obj_set(&o, "Device", dev);
    set_common(&o, v, vm);
    return o;
}

static hv_value
fw_obj(hv_virt *v, const hv_vm *vm, const hv_vm_fw *f)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_fw);
    hv_value order = hv_array_new(f->n_boot);
    for (size_t i = 0; i < f->n_boot; i++)
        hv_array_push(&order, boot_source(v, vm, &f->boot[i]));
    hv_obj_set(&o, "BootOrder", order);
    hv_obj_set(&o, "PreferredNetworkBootProtocol", hv_enum(&hvc_hv_enum_ipproto, f->net_protocol));
    hv_obj_set(&o, "SecureBoot", onoff(f->secure_boot));
    hv_obj_set(&o, "SecureBootTemplate", hv_str(f->template_name));
    hv_value id = hv_null();
    for (size_t i = 0; i < sizeof sb_templates / sizeof sb_templates[0]; i++)
        if (!strcmp(sb_templates[i].name, f->template_name))
            id = hvc_hv_guid(sb_templates[i].id);
    hv_obj_set(&o, "SecureBootTemplateId", id);
    hv_obj_set(&o, "ConsoleMode", hv_enum(&hvc_hv_enum_consolemode, f->console_mode));
    hv_obj_set(&o, "PauseAfterBootFailure", onoff(f->pause_after_failure));
    set_common(&o, v, vm);
    return o;
}

static hv_value
bios_obj(hv_virt *v, const hv_vm *vm, const hv_vm_fw *f)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_bios);
    hv_obj_set(&o, "NumLockEnabled", hv_bool(f->numlock));
    hv_value order = hv_array_new(4);
    for (int i = 0; i < 4; i++)
        hv_array_push(&order, hv_enum(&hvc_hv_enum_bootdevice, f->startup[i]));
    hv_obj_set(&o, "StartupOrder", order);
    set_common(&o, v, vm);
    return o;
}

/* Emit VMFirmware (gen2) or VMBios (gen1) of a VM as it is now. */
static hv_status
emit_fw(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, bool bios)
{
    hv_vm_fw f;
    hv_eng_err err = {0};
    if (hv_virt_fw_get(v, vm->uuid, &f, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = hv_emit(cmd, bios ? bios_obj(v, vm, &f) : fw_obj(v, vm, &f));
    hv_virt_fw_clear(&f);
    return st;
}

static hv_status
emit_fresh(hv_cmd *cmd, hv_virt *v, const char *uuid, bool bios)
{
    hv_vm now;
    hv_eng_err err = {0};
    if (hv_virt_get_vm(v, uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, uuid);
    hv_status st = emit_fw(cmd, v, &now, bios);
    hv_virt_vm_clear(&now);
    return st;
}

/* ---- Get-VMFirmware / Get-VMBios ---- */
enum { GF_VMNAME, GF_VM, GF_COMPUTER, GF_CRED, GF__N };
#define GET_FW_PARAMS                                                                              \
    [GF_VMNAME] = P_VMNAME(HV_SET(0)), [GF_VM] = P_VM(HV_SET(1)),                                  \
    [GF_COMPUTER] = P_COMPUTER(HV_SET(0)), [GF_CRED] = P_CREDENTIAL(HV_SET(0)),                    \
    [GF__N] = {.name = NULL}
const hv_param_def hvc_hv_get_vmfirmware_params[] = {GET_FW_PARAMS};
const hv_param_def hvc_hv_get_vmbios_params[] = {GET_FW_PARAMS};
static const hvc_hv_sel get_fw_sel = {
    .p_name = GF_VMNAME, .p_vm = GF_VM, .p_computer = GF_COMPUTER};

static hv_status
get_fw(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    bool bios = ud != NULL;
    if ((vm->generation == 2) == bios)
        return wrong_generation(cmd, vm, !bios);
    return emit_fw(cmd, v, vm, bios);
}

hv_status
hvc_hv_get_vmfirmware_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &get_fw_sel, get_fw, NULL);
}

hv_status
hvc_hv_get_vmbios_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &get_fw_sel, get_fw, (void *)1);
}

/* ---- Set-VMFirmware ---- */
enum {
    SF_VMNAME,
    SF_VM,
    SF_FW,
    SF_ORDER,
    SF_FIRST,
    SF_SECURE,
    SF_TEMPLATE,
    SF_TEMPLATEID,
    SF_NETPROTO,
    SF_CONSOLE,
    SF_PAUSE,
    SF_PASSTHRU,
    SF_COMPUTER,
    SF_CRED,
    SF__N
};
const hv_param_def hvc_hv_set_vmfirmware_params[] = {
    [SF_VMNAME] = P_VMNAME(HV_SET(0)),
    [SF_VM] = P_VM(HV_SET(1)),
    [SF_FW] = {.name = "VMFirmware",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(2),
               .help = "Firmware objects (Get-VMFirmware)."},
    [SF_ORDER] = {.name = "BootOrder",
                  .type = HV_PT_ANY,
                  .position = NAMED,
                  .flags = HV_PF_ARRAY,
                  .help = "Drives, adapters or boot entries in boot order (per-device "
                          "<boot order=>)."},
    [SF_FIRST] = {.name = "FirstBootDevice",
                  .type = HV_PT_ANY,
                  .position = NAMED,
                  .help = "The drive, adapter or boot entry to boot from first."},
    [SF_SECURE] = {.name = "EnableSecureBoot",
                   .type = HV_PT_ENUM,
                   .position = NAMED,
                   .enum_def = &hvc_hv_enum_onoff,
                   .help = "On or Off: the secure-boot feature of UEFI firmware autoselection."},
    [SF_TEMPLATE] = {.name = "SecureBootTemplate",
                     .type = HV_PT_STRING,
                     .position = NAMED,
                     .help = "MicrosoftWindows, MicrosoftUEFICertificateAuthority (Microsoft "
                             "keys enrolled) or OpenSourceShieldedVM."},
    [SF_TEMPLATEID] = {.name = "SecureBootTemplateId",
                       .type = HV_PT_STRING,
                       .position = NAMED,
                       .help = "The secure boot template by its GUID."},
    [SF_NETPROTO] = {.name = "PreferredNetworkBootProtocol",
                     .type = HV_PT_ENUM,
                     .position = NAMED,
                     .enum_def = &hvc_hv_enum_ipproto,
                     .help = "IPv4 or IPv6 (kept in metadata)."},
    [SF_CONSOLE] = {.name = "ConsoleMode",
                    .type = HV_PT_ENUM,
                    .position = NAMED,
                    .enum_def = &hvc_hv_enum_consolemode,
                    .help = "Default, COM1, COM2 or None (kept in metadata)."},
    [SF_PAUSE] = {.name = "PauseAfterBootFailure",
                  .type = HV_PT_ENUM,
                  .position = NAMED,
                  .enum_def = &hvc_hv_enum_onoff,
                  .help = "On or Off (kept in metadata)."},
    [SF_PASSTHRU] = P_PASSTHRU,
    [SF_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SF_CRED] = P_CREDENTIAL(HV_SET(0)),
    [SF__N] = {.name = NULL},
};

/* A drive, DVD drive, adapter or VMBootSource object of this VM as a boot entry. */
static hv_status
to_entry(hv_cmd *cmd, const hv_vm *vm, const hv_value *obj, hv_boot_entry *e, bool *ok)
{
    *ok = false;
    memset(e, 0, sizeof *e);
    if (hvc_hv_is(obj, &hvc_hv_cls_bootsource)) {
        const hv_value *dev = hv_obj_get(obj, "Device");
        if (dev && dev->kind == HV_OBJECT)
            return to_entry(cmd, vm, dev, e, ok);
    }
    bool drive = hvc_hv_is(obj, &hvc_hv_cls_disk) || hvc_hv_is(obj, &hvc_hv_cls_dvd);
    bool nic = hvc_hv_is(obj, &hvc_hv_cls_nic);
    if (!drive && !nic)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "The boot device must be a hard disk drive, DVD drive or network "
                            "adapter of the virtual machine (Get-VMHardDiskDrive, "
                            "Get-VMDvdDrive, Get-VMNetworkAdapter or Get-VMFirmware's "
                            "BootOrder).");
    char *id = hvc_hv_prop_str(obj, "VMId");
    bool same = id && !strcasecmp(id, vm->uuid);
    free(id);
    if (!same)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "The boot device does not belong to virtual machine '%s'.", vm->name);
    char *key = hvc_hv_prop_str(obj, drive ? "Target" : "MacAddress");
    e->network = nic;
    e->dvd = hvc_hv_is(obj, &hvc_hv_cls_dvd);
    if (nic) {
        char mac[18];
        *ok = key && hv_virt_mac_normalize(key, mac);
        if (*ok)
            snprintf(e->id, sizeof e->id, "%s", mac);
    } else {
        *ok = key && *key;
        if (*ok)
            snprintf(e->id, sizeof e->id, "%s", key);
    }
    free(key);
    if (!*ok)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "The boot device object does not identify a device.");
    return HV_OK;
}

static hv_status
engine_fail(hv_cmd *cmd, const hv_vm *vm, const hv_eng_err *err)
{
    if (err->code != HV_VIRT_E_STATE)
        return hvc_hv_engine_error(cmd, err, vm->name);
    return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", vm->name,
                        "Failed to modify firmware settings of '%s'. (Virtual machine ID %s)\n%s",
                        vm->name, vm->uuid, err->msg);
}

static hv_status
set_fw(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->generation != 2)
        return wrong_generation(cmd, vm, true);
    hv_fw_set s = {.secure_boot = -1,
                   .net_protocol = -1,
                   .console_mode = -1,
                   .pause_after_failure = -1,
                   .numlock = -1};
    int32_t ev;
    if (hvc_hv_arg_enum(cmd, SF_SECURE, &hvc_hv_enum_onoff, &ev))
        s.secure_boot = ev == 0;
    if (hvc_hv_arg_enum(cmd, SF_PAUSE, &hvc_hv_enum_onoff, &ev))
        s.pause_after_failure = ev == 0;
    if (hvc_hv_arg_enum(cmd, SF_NETPROTO, &hvc_hv_enum_ipproto, &ev))
        s.net_protocol = ev;
    if (hvc_hv_arg_enum(cmd, SF_CONSOLE, &hvc_hv_enum_consolemode, &ev))
        s.console_mode = ev;
    char *tmpl = hvc_hv_arg_str(cmd, SF_TEMPLATE), *tid = hvc_hv_arg_str(cmd, SF_TEMPLATEID);
    hv_status st = HV_OK;
    if (tid) {
        const char *found = NULL;
        for (size_t i = 0; i < sizeof sb_templates / sizeof sb_templates[0]; i++) {
            char want[40];
            snprintf(want, sizeof want, "%s", tid);
            if (!strcasecmp(sb_templates[i].id, want[0] == '{' ? want + 1 : want) ||
                !strncasecmp(sb_templates[i].id, want[0] == '{' ? want + 1 : want, 36))
                found = sb_templates[i].name;
        }
        if (!found)
            st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                              "The secure boot template with ID '%s' was not found.", tid);
        else if (!tmpl)
            tmpl = hv_xstrdup(found);
    }
    s.template_name = tmpl;
    /* devices: -BootOrder (the whole order) and -FirstBootDevice */
    const hv_value *ord = hv_cmd_arg(cmd, SF_ORDER);
    size_t n = ord && ord->kind == HV_ARRAY ? hv_array_len(ord) : 0;
    hv_boot_entry *entries = hv_xcalloc(n + 1, sizeof *entries);
    hv_boot_entry first;
    bool ok = true;
    for (size_t i = 0; i < n && st == HV_OK && ok; i++)
        st = to_entry(cmd, vm, hv_array_at(ord, i), &entries[i], &ok);
    if (ord && st == HV_OK && ok) {
        s.boot = entries;
        s.n_boot = n;
        s.set_boot = true;
    }
    const hv_value *fb = hv_cmd_arg(cmd, SF_FIRST);
    if (fb && fb->kind != HV_NULL && st == HV_OK && ok) {
        st = to_entry(cmd, vm, fb, &first, &ok);
        if (st == HV_OK && ok)
            s.first = &first;
    }
    if (st == HV_OK && ok && hv_should_process(cmd, vm->name, "Set-VMFirmware")) {
        hv_eng_err err = {0};
        if (hv_virt_fw_set(v, vm->uuid, &s, &err) < 0)
            st = engine_fail(cmd, vm, &err);
        else if (hv_cmd_switch(cmd, SF_PASSTHRU))
            st = emit_fresh(cmd, v, vm->uuid, false);
    }
    free(entries);
    free(tmpl);
    free(tid);
    return st;
}

/* Objects of the VMFirmware / VMBios sets: each stands for its VM. */
static hv_status
each_settings_obj(hv_cmd *cmd, const hv_value *input, int p_obj, const hv_obj_class *cls,
                  const hvc_hv_sel *sel, hvc_hv_vm_fn fn)
{
    if (hvc_hv_is(input, cls))
        return hvc_hv_each_vm_of(cmd, input, fn, NULL);
    const hv_value *objs = hv_cmd_arg(cmd, p_obj);
    if (objs && objs->kind == HV_ARRAY) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = hvc_hv_each_vm_of(cmd, hv_array_at(objs, i), fn, NULL);
        return st;
    }
    return hvc_hv_each_vm(cmd, input, sel, fn, NULL);
}

hv_status
hvc_hv_set_vmfirmware_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SF_VMNAME, .p_vm = SF_VM, .p_computer = SF_COMPUTER};
    return each_settings_obj(cmd, input, SF_FW, &hvc_hv_cls_fw, &sel, set_fw);
}

/* ---- Set-VMBios ---- */
enum {
    SB_VMNAME,
    SB_VM,
    SB_BIOS,
    SB_ORDER,
    SB_NUMON,
    SB_NUMOFF,
    SB_PASSTHRU,
    SB_COMPUTER,
    SB_CRED,
    SB__N
};
const hv_param_def hvc_hv_set_vmbios_params[] = {
    [SB_VMNAME] = P_VMNAME(HV_SET(0)),
    [SB_VM] = P_VM(HV_SET(1)),
    [SB_BIOS] = {.name = "VMBios",
                 .type = HV_PT_ANY,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                 .sets = HV_SET(2),
                 .help = "BIOS objects (Get-VMBios)."},
    [SB_ORDER] = {.name = "StartupOrder",
                  .type = HV_PT_ENUM,
                  .position = NAMED,
                  .flags = HV_PF_ARRAY,
                  .enum_def = &hvc_hv_enum_bootdevice,
                  .help = "CD, IDE, LegacyNetworkAdapter and Floppy in boot order (<os><boot "
                          "dev=>)."},
    [SB_NUMON] = {.name = "EnableNumLock",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "NumLock on at boot (kept in metadata)."},
    [SB_NUMOFF] = {.name = "DisableNumLock",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "NumLock off at boot."},
    [SB_PASSTHRU] = P_PASSTHRU,
    [SB_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SB_CRED] = P_CREDENTIAL(HV_SET(0)),
    [SB__N] = {.name = NULL},
};

static hv_status
set_bios(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (vm->generation == 2)
        return wrong_generation(cmd, vm, false);
    hv_fw_set s = {.secure_boot = -1,
                   .net_protocol = -1,
                   .console_mode = -1,
                   .pause_after_failure = -1,
                   .numlock = -1};
    if (hv_cmd_switch(cmd, SB_NUMON) && hv_cmd_switch(cmd, SB_NUMOFF))
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "The parameters EnableNumLock and DisableNumLock cannot be used "
                            "together.");
    if (hv_cmd_switch(cmd, SB_NUMON))
        s.numlock = 1;
    else if (hv_cmd_switch(cmd, SB_NUMOFF))
        s.numlock = 0;
    int order[4];
    const hv_value *ord = hv_cmd_arg(cmd, SB_ORDER);
    if (ord && ord->kind == HV_ARRAY) {
        size_t n = hv_array_len(ord);
        bool valid = n == 4;
        for (size_t i = 0; i < n && valid; i++) {
            const hv_value *e = hv_array_at(ord, i);
            int32_t val = -1;
            if (e->kind == HV_ENUM) {
                val = e->aux;
            } else if (e->kind == HV_INT) {
                val = (int32_t)hv_int_of(e);
            } else {
                hv_value str = hv_conv_to_string(e, NULL);
                if (!hv_enum_parse(&hvc_hv_enum_bootdevice, hv_str_cstr(&str), &val))
                    val = -1;
                hv_unref(str);
            }
            valid = val >= 0 && val <= 3;
            if (valid)
                order[i] = val;
        }
        if (!valid)
            return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                                "The startup order must list CD, IDE, LegacyNetworkAdapter and "
                                "Floppy, each once.");
        s.startup = order;
    }
    if (!hv_should_process(cmd, vm->name, "Set-VMBios"))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_fw_set(v, vm->uuid, &s, &err) < 0)
        return engine_fail(cmd, vm, &err);
    return hv_cmd_switch(cmd, SB_PASSTHRU) ? emit_fresh(cmd, v, vm->uuid, true) : HV_OK;
}

hv_status
hvc_hv_set_vmbios_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SB_VMNAME, .p_vm = SB_VM, .p_computer = SB_COMPUTER};
    return each_settings_obj(cmd, input, SB_BIOS, &hvc_hv_cls_bios, &sel, set_bios);
}

/* ---- integration services ---- */
static hv_value
integ_obj(hv_virt *v, const hv_vm *vm, int i, unsigned enabled, bool connected)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_integ);
    bool en = (enabled >> i) & 1u;
    bool running = vm->state == HV_VM_RUNNING;
    /* Shutdown is ACPI (always answers); the others answer through the guest agent */
    bool ok = (1u << i) == HV_INTEG_SHUTDOWN || connected;
    hv_obj_set(&o, "Name", hv_str(hv_virt_integ_names[i]));
    hv_obj_set(&o, "Enabled", hv_bool(en));
    hv_obj_set(&o, "PrimaryStatusDescription",
               hv_str(!running || !en ? ""
                      : ok            ? "OK"
                                      : "No Contact"));
    hv_obj_set(&o, "SecondaryStatusDescription", hv_str(""));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\%d", vm->uuid, i));
    set_common(&o, v, vm);
    return o;
}

hv_status
hvc_hv_emit_integ(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, char **names, size_t nn)
{
    unsigned enabled;
    bool agent, connected = false;
    hv_vm_state st;
    hv_eng_err err = {0};
    if (hv_virt_integ_get(v, vm->uuid, &enabled, &agent, &err) < 0 ||
        hv_virt_vm_agent(v, vm->uuid, &st, &connected, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status s = HV_OK;
    for (int i = 0; i < HV_INTEG_N && s == HV_OK; i++) {
        bool want = nn == 0;
        for (size_t k = 0; k < nn && !want; k++)
            want = hv_wildcard_match(names[k], hv_virt_integ_names[i], false);
        if (want)
            s = hv_emit(cmd, integ_obj(v, vm, i, enabled, connected));
    }
    return s;
}

/* Enable-/Disable-VMIntegrationService [-Name] <string[]> [-VMName] <string[]>, or -VM, or
 * [-VMIntegrationService] objects */
enum { IS_NAME, IS_VMNAME, IS_VM, IS_OBJ, IS_PASSTHRU, IS_COMPUTER, IS_CRED, IS__N };
#define INTEG_PARAMS                                                                               \
    [IS_NAME] = {.name = "Name",                                                                   \
                 .type = HV_PT_STRING,                                                             \
                 .position = 0,                                                                    \
                 .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,                         \
                 .sets = HV_SET(0) | HV_SET(1),                                                    \
                 .accepted = NULL,                                                                 \
                 .help = "Integration services: Guest Service Interface, Heartbeat, Key-Value "    \
                         "Pair Exchange, Shutdown, Time Synchronization, VSS."},                   \
    [IS_VMNAME] = {.name = "VMName",                                                               \
                   .type = HV_PT_STRING,                                                           \
                   .position = 1,                                                                  \
                   .complete = hvc_complete_vmname,                                                \
                   .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,                       \
                   .sets = HV_SET(0),                                                              \
                   .help = "Names of the virtual machines (wildcards allowed)."},                  \
    [IS_VM] = {.name = "VM",                                                                       \
               .type = HV_PT_ANY,                                                                  \
               .position = 1,                                                                      \
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,                            \
               .sets = HV_SET(1),                                                                  \
               .help = "Virtual machine objects (Get-VM)."},                                       \
    [IS_OBJ] = {.name = "VMIntegrationService",                                                    \
                .type = HV_PT_ANY,                                                                 \
                .position = 0,                                                                     \
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,                           \
                .sets = HV_SET(2),                                                                 \
                .help = "Integration service objects (Get-VMIntegrationService)."},                \
    [IS_PASSTHRU] = P_PASSTHRU, [IS_COMPUTER] = P_COMPUTER(HV_SET(0)),                             \
    [IS_CRED] = P_CREDENTIAL(HV_SET(0)), [IS__N] = {.name = NULL}
const hv_param_def hvc_hv_enable_vmintegrationservice_params[] = {INTEG_PARAMS};
const hv_param_def hvc_hv_disable_vmintegrationservice_params[] = {INTEG_PARAMS};

typedef struct {
    bool enable;
    char **names; /* NULL = the object's Name */
    size_t nn;
} integ_req;

static hv_status
integ_change(hv_cmd *cmd, hv_virt *v, hv_vm *vm, char **names, size_t nn, bool enable)
{
    unsigned mask = 0;
    for (size_t k = 0; k < nn; k++) {
        unsigned m = 0;
        for (int i = 0; i < HV_INTEG_N; i++)
            if (hv_wildcard_match(names[k], hv_virt_integ_names[i], false))
                m |= 1u << i;
        if (!m && !hv_wildcard_has_meta(names[k]))
            return hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", NULL,
                                "No integration service named \"%s\" was found for virtual "
                                "machine \"%s\".",
                                names[k], vm->name);
        mask |= m;
    }
    if (!mask)
        return HV_OK;
    if (!hv_should_process(cmd, vm->name, hv_cmd_def(cmd)->name))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_integ_set(v, vm->uuid, enable ? mask : 0, enable ? 0 : mask, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    if (!hv_cmd_switch(cmd, IS_PASSTHRU))
        return HV_OK;
    hv_vm now;
    if (hv_virt_get_vm(v, vm->uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = HV_OK;
    for (size_t k = 0; k < nn && st == HV_OK; k++)
        st = hvc_hv_emit_integ(cmd, v, &now, &names[k], 1);
    hv_virt_vm_clear(&now);
    return st;
}

static hv_status
integ_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    const integ_req *r = ud;
    return integ_change(cmd, v, vm, r->names, r->nn, r->enable);
}

static hv_status
integ_obj_change(hv_cmd *cmd, const hv_value *obj, bool enable)
{
    char *name = hvc_hv_prop_str(obj, "Name");
    if (!name || !hvc_hv_is(obj, &hvc_hv_cls_integ)) {
        free(name);
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "The input object is not an integration service from "
                            "Get-VMIntegrationService.");
    }
    integ_req r = {.enable = enable, .names = &name, .nn = 1};
    hv_status st = hvc_hv_each_vm_of(cmd, obj, integ_vm, &r);
    free(name);
    return st;
}

static hv_status
integ_process(hv_cmd *cmd, const hv_value *input, bool enable)
{
    if (hvc_hv_is(input, &hvc_hv_cls_integ))
        return integ_obj_change(cmd, input, enable);
    const hv_value *objs = hv_cmd_arg(cmd, IS_OBJ);
    if (objs && objs->kind == HV_ARRAY) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = integ_obj_change(cmd, hv_array_at(objs, i), enable);
        return st;
    }
    static const hvc_hv_sel sel = {.p_name = IS_VMNAME, .p_vm = IS_VM, .p_computer = IS_COMPUTER};
    integ_req r = {.enable = enable};
    r.names = hvc_hv_arg_strv(cmd, IS_NAME, &r.nn);
    hv_status st =
        hvc_hv_each_vm(cmd, hvc_hv_is(input, &hvc_hv_cls_vm) ? input : NULL, &sel, integ_vm, &r);
    hvc_hv_strv_free(r.names, r.nn);
    return st;
}

hv_status
hvc_hv_enable_vmintegrationservice_process(hv_cmd *cmd, const hv_value *input)
{
    return integ_process(cmd, input, true);
}

hv_status
hvc_hv_disable_vmintegrationservice_process(hv_cmd *cmd, const hv_value *input)
{
    return integ_process(cmd, input, false);
}

/* ---- Wait-VM ---- */
enum { WV_NAME, WV_VM, WV_FOR, WV_DELAY, WV_TIMEOUT, WV_PASSTHRU, WV_COMPUTER, WV_CRED, WV__N };
const hv_param_def hvc_hv_wait_vm_params[] = {
    [WV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .complete = hvc_complete_vmname,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMName"),
                 .help = "Names of the virtual machines (wildcards allowed)."},
    [WV_VM] = P_VM(HV_SET(1)),
    [WV_FOR] = {.name = "For",
                .type = HV_PT_STRING,
                .position = NAMED,
                .accepted = A("Heartbeat", "IPAddress", "Reboot", "MemoryOperations"),
                .help = "Heartbeat (the guest agent answers; the default), IPAddress (the guest "
                        "has an address), Reboot (the guest went down and came back) or "
                        "MemoryOperations."},
    [WV_DELAY] = {.name = "Delay",
                  .type = HV_PT_UINT16,
                  .position = NAMED,
                  .help = "Seconds between checks (default 5)."},
    [WV_TIMEOUT] = {.name = "Timeout",
                    .type = HV_PT_INT32,
                    .position = NAMED,
                    .aliases = A("TimeoutSec"),
                    .help = "Seconds to wait before failing (default: no limit)."},
    [WV_PASSTHRU] = P_PASSTHRU,
    [WV_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [WV_CRED] = P_CREDENTIAL(HV_SET(0)),
    [WV__N] = {.name = NULL},
};

static long long
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Is the guest up in the sense of `what` (0 Heartbeat, 1 IPAddress, 3 MemoryOperations)? */
static int
guest_up(hv_virt *v, const char *uuid, int what, bool *up, hv_eng_err *err)
{
    hv_vm_state st;
    bool connected;
    unsigned enabled;
    *up = false;
    if (hv_virt_vm_agent(v, uuid, &st, &connected, err) < 0)
        return -1;
    if (st != HV_VM_RUNNING)
        return 0;
    if (what == 1) {
        hv_vm_addr *a = NULL;
        size_t n = 0;
        if (hv_virt_vm_addresses(v, uuid, &a, &n, err) < 0)
            return -1;
        free(a);
        *up = n > 0;
        return 0;
    }
    if (hv_virt_integ_get(v, uuid, &enabled, NULL, err) < 0)
        return -1;
    *up = connected && (enabled & HV_INTEG_HEARTBEAT);
    return 0;
}

hv_status
hvc_hv_wait_check(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, const char *what, bool *can)
{
    *can = true;
    if (what && !strcasecmp(what, "IPAddress"))
        return HV_OK;
    /* the heartbeat comes from the Heartbeat service (the guest agent): waiting for it while
     * the service is disabled could never end */
    unsigned enabled;
    hv_eng_err err = {0};
    if (hv_virt_integ_get(v, vm->uuid, &enabled, NULL, &err) < 0) {
        *can = false;
        return hvc_hv_engine_error(cmd, &err, vm->name);
    }
    if (enabled & HV_INTEG_HEARTBEAT)
        return HV_OK;
    *can = false;
    return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidState", vm->name,
                        "Cannot wait for the heartbeat of virtual machine '%s': its Heartbeat "
                        "integration service is disabled. Enable it with "
                        "Enable-VMIntegrationService -Name Heartbeat (the QEMU guest agent "
                        "channel).",
                        vm->name);
}

hv_status
hvc_hv_wait_guest(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, const char *f, long long delay_s,
                  long long timeout, bool *reached)
{
    *reached = false;
    int what = !f                                   ? 0
               : !strcasecmp(f, "IPAddress")        ? 1
               : !strcasecmp(f, "Reboot")           ? 2
               : !strcasecmp(f, "MemoryOperations") ? 3
                                                    : 0;
    long long delay_ms = delay_s * 1000;
    long long deadline = timeout >= 0 ? mono_ms() + timeout * 1000 : -1;
    bool can;
    hv_status cst = hvc_hv_wait_check(cmd, v, vm, f, &can);
    if (cst != HV_OK || !can)
        return cst;
    bool seen_down = false;
    for (;;) {
        hv_eng_err err = {0};
        bool up;
        if (guest_up(v, vm->uuid, what == 2 ? 0 : what, &up, &err) < 0)
            return hvc_hv_engine_error(cmd, &err, vm->name);
        /* a reboot is the heartbeat going away and coming back */
        if (what == 2 && !up)
            seen_down = true;
        if (up && (what != 2 || seen_down)) {
            *reached = true;
            break;
        }
        long long now = mono_ms();
        if (deadline >= 0 && now >= deadline)
            return hvc_hv_error(cmd, HV_CAT_OperationTimeout, "OperationTimeout", vm->name,
                                "The operation has timed out.");
        long long until = now + (delay_ms > 0 ? delay_ms : 100);
        if (deadline >= 0 && until > deadline)
            until = deadline;
        while (mono_ms() < until) { /* sleep in slices: Ctrl-C must stop the wait */
            if (hv_cmd_interrupted(cmd))
                return HV_STOPPED;
            usleep(50 * 1000);
        }
    }
    return HV_OK;
}

static hv_status
wait_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    char *f = hvc_hv_arg_str(cmd, WV_FOR);
    bool reached;
    hv_status st = hvc_hv_wait_guest(cmd, v, vm, f, hvc_hv_arg_int(cmd, WV_DELAY, 5),
                                     hvc_hv_arg_int(cmd, WV_TIMEOUT, -1), &reached);
    free(f);
    if (st != HV_OK || !reached)
        return st;
    return hv_cmd_switch(cmd, WV_PASSTHRU) ? hvc_hv_emit_vm(cmd, v, vm->uuid) : HV_OK;
}

hv_status
hvc_hv_wait_vm_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = WV_NAME, .p_vm = WV_VM, .p_computer = WV_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, wait_vm, NULL);
}

/* ---- security: Enable-/Disable-VMTPM, Set-/Get-VMKeyProtector, Get-/Set-VMSecurity ---- */
enum {
    SE_VMNAME,
    SE_VM,
    SE_PASSTHRU,
    SE_COMPUTER,
    SE_CRED,
    SE_NEWKEY,
    SE_KEY,
    SE_RESTORE,
    SE_UNTRUSTED,
    SE_ENCRYPT,
    SE_VBS,
    SE_BINDTPM,
    SE__N
};
#define SEC_BASE                                                                                   \
    [SE_VMNAME] = P_VMNAME(HV_SET(0)), [SE_VM] = P_VM(HV_SET(1)), [SE_PASSTHRU] = P_PASSTHRU,      \
    [SE_COMPUTER] = P_COMPUTER(HV_SET(0)), [SE_CRED] = P_CREDENTIAL(HV_SET(0))
const hv_param_def hvc_hv_enable_vmtpm_params[] = {SEC_BASE, [SE_NEWKEY] = {.name = NULL}};
const hv_param_def hvc_hv_disable_vmtpm_params[] = {SEC_BASE, [SE_NEWKEY] = {.name = NULL}};
const hv_param_def hvc_hv_get_vmsecurity_params[] = {
    [SE_VMNAME] = P_VMNAME(HV_SET(0)), [SE_VM] = P_VM(HV_SET(1)), [SE_PASSTHRU] = {.name = NULL}};
const hv_param_def hvc_hv_get_vmkeyprotector_params[] = {
    [SE_VMNAME] = P_VMNAME(HV_SET(0)), [SE_VM] = P_VM(HV_SET(1)), [SE_PASSTHRU] = {.name = NULL}};
const hv_param_def hvc_hv_set_vmkeyprotector_params[] = {
    SEC_BASE,
    [SE_NEWKEY] = {.name = "NewLocalKeyProtector",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Makes a new local key protector (needed before Enable-VMTPM)."},
    [SE_KEY] = {.name = "KeyProtector",
                .type = HV_PT_ANY,
                .position = NAMED,
                .help = "Not supported: there is no Host Guardian Service."},
    [SE_RESTORE] = {.name = "RestoreLastKnownGoodKeyProtector",
                    .type = HV_PT_SWITCH,
                    .position = NAMED,
                    .help = "Not supported: there is no Host Guardian Service."},
    [SE_UNTRUSTED] = {.name = "AllowUntrustedRoot",
                      .type = HV_PT_SWITCH,
                      .position = NAMED,
                      .help = "Accepted for compatibility."},
    [SE_ENCRYPT] = {.name = NULL},
};
const hv_param_def hvc_hv_set_vmsecurity_params[] = {
    SEC_BASE,
    [SE_NEWKEY] = {.name = "EncryptStateAndVmMigrationTraffic",
                   .type = HV_PT_BOOL,
                   .position = NAMED,
                   .help = "Recorded (libvirt has no per-VM migration encryption switch)."},
    [SE_KEY] = {.name = "VirtualizationBasedSecurityOptOut",
                .type = HV_PT_BOOL,
                .position = NAMED,
                .help = "Recorded."},
    [SE_RESTORE] = {.name = "BindToHostTpm",
                    .type = HV_PT_BOOL,
                    .position = NAMED,
                    .help = "Not supported: the vTPM is the swtpm emulator."},
    [SE_UNTRUSTED] = {.name = NULL},
};

static const hvc_hv_sel sec_sel = {.p_name = SE_VMNAME, .p_vm = SE_VM, .p_computer = SE_COMPUTER};

static hv_value
sec_obj(hv_virt *v, const hv_vm *vm, const hv_vm_sec *s)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_security);
    hv_obj_set(&o, "TpmEnabled", hv_bool(s->tpm));
    hv_obj_set(&o, "KsdEnabled", hv_bool(false));
    hv_obj_set(&o, "Shielded", hv_bool(false));
    hv_obj_set(&o, "EncryptStateAndVmMigrationTraffic", hv_bool(s->encrypt_traffic));
    hv_obj_set(&o, "VirtualizationBasedSecurityOptOut", hv_bool(s->vbs_optout));
    hv_obj_set(&o, "BindToHostTpm", hv_bool(false));
    set_common(&o, v, vm);
    return o;
}

static hv_status
sec_change(hv_cmd *cmd, hv_virt *v, hv_vm *vm, const hv_sec_set *s)
{
    if (!hv_should_process(cmd, vm->name, hv_cmd_def(cmd)->name))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_sec_set(v, vm->uuid, s, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    return hv_cmd_switch(cmd, SE_PASSTHRU) ? hvc_hv_emit_vm(cmd, v, vm->uuid) : HV_OK;
}

static hv_status
tpm_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    hv_sec_set s = {.tpm = ud != NULL, .encrypt_traffic = -1, .vbs_optout = -1};
    hv_status st = sec_change(cmd, v, vm, &s);
    /* QEMU needs swtpm to start a VM with a vTPM */
    if (st == HV_OK && ud && hv_virt_is_local(v) && !hv_virt_is_test(v) &&
        !hv_virt_have_program("swtpm"))
        st = hv_write_warning(cmd,
                              "swtpm is not installed: the virtual machine will not start until "
                              "it is (apt-get install swtpm swtpm-tools).");
    return st;
}

hv_status
hvc_hv_enable_vmtpm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &sec_sel, tpm_vm, (void *)1);
}

hv_status
hvc_hv_disable_vmtpm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &sec_sel, tpm_vm, NULL);
}

static hv_status
keyprot_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (hv_cmd_bound(cmd, SE_KEY) || hv_cmd_switch(cmd, SE_RESTORE))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", vm->name,
                            "Only -NewLocalKeyProtector is supported: there is no Host Guardian "
                            "Service on this host.");
    if (!hv_cmd_switch(cmd, SE_NEWKEY))
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", vm->name,
                            "Specify -NewLocalKeyProtector.");
    hv_sec_set s = {.tpm = -1, .new_key_protector = true, .encrypt_traffic = -1, .vbs_optout = -1};
    return sec_change(cmd, v, vm, &s);
}

hv_status
hvc_hv_set_vmkeyprotector_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &sec_sel, keyprot_vm, NULL);
}

static hv_status
setsec_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    if (hvc_hv_arg_bool(cmd, SE_RESTORE, 0))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", vm->name,
                            "-BindToHostTpm is not supported: the virtual TPM is the swtpm "
                            "emulator.");
    hv_sec_set s = {.tpm = -1,
                    .encrypt_traffic = hvc_hv_arg_bool(cmd, SE_NEWKEY, -1),
                    .vbs_optout = hvc_hv_arg_bool(cmd, SE_KEY, -1)};
    return sec_change(cmd, v, vm, &s);
}

hv_status
hvc_hv_set_vmsecurity_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &sec_sel, setsec_vm, NULL);
}

static hv_status
getsec_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    hv_vm_sec s;
    hv_eng_err err = {0};
    if (hv_virt_sec_get(v, vm->uuid, &s, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    if (!ud)
        return hv_emit(cmd, sec_obj(v, vm, &s));
    /* Get-VMKeyProtector: the protector's bytes, as one byte[] (nothing when there is none) */
    size_t n = strlen(s.key_protector) / 2;
    if (!n)
        return HV_OK;
    hv_value bytes = hv_array_new(n);
    for (size_t i = 0; i < n; i++) {
        unsigned b = 0;
        sscanf(s.key_protector + 2 * i, "%2x", &b);
        hv_array_push(&bytes, hv_intk((int64_t)b, HV_N_BYTE));
    }
    return hv_emit(cmd, bytes);
}

hv_status
hvc_hv_get_vmsecurity_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SE_VMNAME, .p_vm = SE_VM, .p_computer = -1};
    return hvc_hv_each_vm(cmd, input, &sel, getsec_vm, NULL);
}

hv_status
hvc_hv_get_vmkeyprotector_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = SE_VMNAME, .p_vm = SE_VM, .p_computer = -1};
    return hvc_hv_each_vm(cmd, input, &sel, getsec_vm, (void *)1);
}

/* ---- Get-/Set-VMComPort ---- */
static hv_value
com_obj(hv_virt *v, const hv_vm *vm, int number, const char *path)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_comport);
    hv_obj_set(&o, "Name", hv_strf("COM %d", number));
    hv_obj_set(&o, "Path", hv_str(path));
    hv_obj_set(&o, "DebuggerMode", onoff(false));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\com%d", vm->uuid, number));
    set_common(&o, v, vm);
    return o;
}

enum {
    CP_VMNAME,
    CP_VM,
    CP_NUMBER,
    CP_COMPUTER,
    CP_CRED,
    CP_PATH,
    CP_DEBUG,
    CP_PASSTHRU,
    CP_OBJ,
    CP__N
};
const hv_param_def hvc_hv_get_vmcomport_params[] = {
    [CP_VMNAME] = P_VMNAME(HV_SET(0)),
    [CP_VM] = P_VM(HV_SET(1)),
    [CP_NUMBER] = {.name = "Number",
                   .type = HV_PT_INT32,
                   .position = 1,
                   .min = 1,
                   .max = 2,
                   .help = "1 or 2 (both when omitted)."},
    [CP_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [CP_CRED] = P_CREDENTIAL(HV_SET(0)),
    [CP_PATH] = {.name = NULL},
};
const hv_param_def hvc_hv_set_vmcomport_params[] = {
    [CP_VMNAME] = P_VMNAME(HV_SET(0)),
    [CP_VM] = P_VM(HV_SET(1)),
    [CP_NUMBER] = {.name = "Number",
                   .type = HV_PT_INT32,
                   .position = 1,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(0) | HV_SET(1),
                   .min = 1,
                   .max = 2,
                   .help = "1 or 2."},
    [CP_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [CP_CRED] = P_CREDENTIAL(HV_SET(0)),
    [CP_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = 2,
                 .flags = HV_PF_ALLOW_EMPTY_STRING,
                 .help = "Named pipe (\\\\.\\pipe\\name: a UNIX socket in $HVSH_PIPE_DIR) or "
                         "socket path; empty disconnects."},
    [CP_DEBUG] = {.name = "DebuggerMode",
                  .type = HV_PT_ENUM,
                  .position = NAMED,
                  .enum_def = &hvc_hv_enum_onoff,
                  .help = "Accepted; Off only."},
    [CP_PASSTHRU] = P_PASSTHRU,
    [CP_OBJ] = {.name = "VMComPort",
                .type = HV_PT_ANY,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                .sets = HV_SET(2),
                .help = "COM port objects (Get-VMComPort)."},
    [CP__N] = {.name = NULL},
};

static hv_status
emit_com(hv_cmd *cmd, hv_virt *v, const hv_vm *vm, int only)
{
    char paths[2][512];
    hv_eng_err err = {0};
    if (hv_virt_com_get(v, vm->uuid, paths, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = HV_OK;
    for (int n = 1; n <= 2 && st == HV_OK; n++)
        if (only <= 0 || only == n)
            st = hv_emit(cmd, com_obj(v, vm, n, paths[n - 1]));
    return st;
}

static hv_status
get_com(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return emit_com(cmd, v, vm, (int)hvc_hv_arg_int(cmd, CP_NUMBER, 0));
}

hv_status
hvc_hv_get_vmcomport_process(hv_cmd *cmd, const hv_value *input)
{
    static const hvc_hv_sel sel = {.p_name = CP_VMNAME, .p_vm = CP_VM, .p_computer = CP_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, get_com, NULL);
}

typedef struct {
    int number;
} com_req;

static hv_status
set_com(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    const com_req *r = ud;
    int number = r ? r->number : (int)hvc_hv_arg_int(cmd, CP_NUMBER, 0);
    int32_t dbg;
    if (hvc_hv_arg_enum(cmd, CP_DEBUG, &hvc_hv_enum_onoff, &dbg) && dbg == 0)
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", vm->name,
                            "DebuggerMode On is not supported.");
    char *path = hvc_hv_arg_str(cmd, CP_PATH);
    hv_status st = HV_OK;
    if (hv_should_process(cmd, vm->name, "Set-VMComPort")) {
        hv_eng_err err = {0};
        if (hv_virt_com_set(v, vm->uuid, number, path ? path : "", &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, CP_PASSTHRU))
            st = emit_com(cmd, v, vm, number);
    }
    free(path);
    return st;
}

static hv_status
set_com_obj(hv_cmd *cmd, const hv_value *o)
{
    char *name = hvc_hv_prop_str(o, "Name");
    com_req r = {.number = name && !strncmp(name, "COM ", 4) ? atoi(name + 4) : 0};
    free(name);
    if (!hvc_hv_is(o, &hvc_hv_cls_comport) || !r.number)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "The input object is not a COM port from Get-VMComPort.");
    return hvc_hv_each_vm_of(cmd, o, set_com, &r);
}

hv_status
hvc_hv_set_vmcomport_process(hv_cmd *cmd, const hv_value *input)
{
    if (hvc_hv_is(input, &hvc_hv_cls_comport))
        return set_com_obj(cmd, input);
    const hv_value *objs = hv_cmd_arg(cmd, CP_OBJ);
    if (objs && objs->kind == HV_ARRAY) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < hv_array_len(objs) && st == HV_OK; i++)
            st = set_com_obj(cmd, hv_array_at(objs, i));
        return st;
    }
    static const hvc_hv_sel sel = {.p_name = CP_VMNAME, .p_vm = CP_VM, .p_computer = CP_COMPUTER};
    return hvc_hv_each_vm(cmd, input, &sel, set_com, NULL);
}
