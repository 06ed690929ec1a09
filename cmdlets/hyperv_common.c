/* hyperv_common.c — enums, object classes and builders, selection and errors shared by the
 * Hyper-V cmdlets. */
#include "cmdlets/hyperv.h"
#include "engine/netlink.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* ---- enums ---- */
#define HVC_ENUM(var, tname, ...)                                                                  \
    static const char *const var##_names[] = {__VA_ARGS__};                                        \
    const hv_enum_def var = {.type_name = tname,                                                   \
                             .names = var##_names,                                                 \
                             .values = var##_values,                                               \
                             .count = (int)(sizeof var##_names / sizeof var##_names[0])}

static const int32_t hvc_hv_enum_vmstate_values[] = {
    1,     2,     3,     4,     6,     9,     10,    11,    32773, 32776,
    32777, 32779, 32780, 32781, 32782, 32783, 32784, 32785, 32786, 32787,
    32788, 32789, 32790, 32791, 32792, 32793, 32794, 32795, 32796};
HVC_ENUM(hvc_hv_enum_vmstate, "Microsoft.HyperV.PowerShell.VMState", "Other", "Running", "Off",
         "Stopping", "Saved", "Paused", "Starting", "Reset", "Saving", "Pausing", "Resuming",
         "FastSaved", "FastSaving", "ForceShutdown", "ForceReboot", "Hibernated",
         "ComponentServicing", "RunningCritical", "OffCritical", "StoppingCritical",
         "SavedCritical", "PausedCritical", "StartingCritical", "ResetCritical", "SavingCritical",
         "PausingCritical", "ResumingCritical", "FastSavedCritical", "FastSavingCritical");
static const int32_t hvc_hv_enum_onoff_values[] = {0, 1};
HVC_ENUM(hvc_hv_enum_onoff, "Microsoft.HyperV.PowerShell.OnOffState", "On", "Off");
static const int32_t hvc_hv_enum_switchtype_values[] = {0, 1, 2};
HVC_ENUM(hvc_hv_enum_switchtype, "Microsoft.HyperV.PowerShell.VMSwitchType", "Private", "Internal",
         "External");
static const int32_t hvc_hv_enum_startaction_values[] = {2, 3, 4};
HVC_ENUM(hvc_hv_enum_startaction, "Microsoft.HyperV.PowerShell.StartAction", "Nothing",
         "StartIfRunning", "Start");
static const int32_t hvc_hv_enum_stopaction_values[] = {2, 3, 4};
HVC_ENUM(hvc_hv_enum_stopaction, "Microsoft.HyperV.PowerShell.StopAction", "TurnOff", "Save",
         "ShutDown");
static const int32_t hvc_hv_enum_checkpoint_values[] = {2, 3, 4, 5};
HVC_ENUM(hvc_hv_enum_checkpoint, "Microsoft.HyperV.PowerShell.CheckpointType", "Disabled",
         "Production", "ProductionOnly", "Standard");
static const int32_t hvc_hv_enum_bootdevice_values[] = {0, 1, 2, 3, 4, 5};
HVC_ENUM(hvc_hv_enum_bootdevice, "Microsoft.HyperV.PowerShell.BootDevice", "Floppy", "CD", "IDE",
         "LegacyNetworkAdapter", "NetworkAdapter", "VHD");
static const int32_t hvc_hv_enum_controller_values[] = {0, 1};
HVC_ENUM(hvc_hv_enum_controller, "Microsoft.HyperV.PowerShell.ControllerType", "IDE", "SCSI");
static const int32_t hvc_hv_enum_snaptype_values[] = {0, 1, 2, 5, 6, 7, 8};
HVC_ENUM(hvc_hv_enum_snaptype, "Microsoft.HyperV.PowerShell.SnapshotType", "Standard", "Recovery",
         "Planned", "Missing", "Replica", "AppConsistentReplica", "SyncedReplica");
static const int32_t hvc_hv_enum_vhdtype_values[] = {0, 2, 3, 4};
HVC_ENUM(hvc_hv_enum_vhdtype, "Microsoft.Vhd.PowerShell.VhdType", "Unknown", "Fixed", "Dynamic",
         "Differencing");
static const int32_t hvc_hv_enum_vhdformat_values[] = {0, 2, 3, 4};
HVC_ENUM(hvc_hv_enum_vhdformat, "Microsoft.Vhd.PowerShell.VhdFormat", "Unknown", "VHD", "VHDX",
         "VHDSet");
static const int32_t hvc_hv_enum_bandwidth_values[] = {0, 1, 2, 3};
HVC_ENUM(hvc_hv_enum_bandwidth, "Microsoft.HyperV.PowerShell.VMSwitchBandwidthMode", "Default",
         "Weight", "Absolute", "None");
static const int32_t hvc_hv_enum_portmirror_values[] = {0, 1, 2};
HVC_ENUM(hvc_hv_enum_portmirror, "Microsoft.HyperV.PowerShell.VMNetworkAdapterPortMirroringMode",
         "None", "Destination", "Source");
static const int32_t hvc_hv_enum_vlanmode_values[] = {0, 1, 2, 3};
HVC_ENUM(hvc_hv_enum_vlanmode, "Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanMode", "Untagged",
         "Access", "Trunk", "Private");
static const int32_t hvc_hv_enum_featurestate_values[] = {0, 1, 2, 3, 4, 5, 6, 7};
HVC_ENUM(hvc_hv_enum_featurestate, "Microsoft.Dism.Commands.FeatureState", "Disabled", "Enabled",
         "EnablePending", "DisablePending", "DisabledWithPayloadRemoved",
         "EnabledWithPayloadRemoved", "Superseded", "PartiallyInstalled");
static const int32_t hvc_hv_enum_installstate_values[] = {0, 1, 2, 3, 4, 5};
HVC_ENUM(hvc_hv_enum_installstate, "Microsoft.Windows.ServerManager.Commands.InstallState",
         "Available", "Installed", "InstallPending", "Removed", "RemovePending", "Unknown");

static const int32_t hvc_hv_enum_ipproto_values[] = {0, 1};
HVC_ENUM(hvc_hv_enum_ipproto, "Microsoft.HyperV.PowerShell.IPProtocolPreference", "IPv4", "IPv6");
static const int32_t hvc_hv_enum_consolemode_values[] = {0, 1, 2, 3};
HVC_ENUM(hvc_hv_enum_consolemode, "Microsoft.HyperV.PowerShell.ConsoleModeType", "Default", "COM1",
         "COM2", "None");
static const int32_t hvc_hv_enum_bootsource_values[] = {0, 1, 2};
HVC_ENUM(hvc_hv_enum_bootsource, "Microsoft.HyperV.PowerShell.VMBootSourceType", "Drive", "Network",
         "File");

int32_t
hvc_hv_state_value(hv_vm_state st)
{
    switch (st) {
    case HV_VM_RUNNING:
        return 2;
    case HV_VM_OFF:
        return 3;
    case HV_VM_STOPPING:
        return 4;
    case HV_VM_SAVED:
        return 6;
    case HV_VM_PAUSED:
        return 9;
    case HV_VM_CRASHED:
        return 32786; /* OffCritical */
    default:
        return 1;
    }
}

/* ---- table views ---- */
static hv_value
col_mb(const hv_value *self, const char *prop)
{
    const hv_value *v = hv_obj_get(self, prop);
    return hv_long(v && v->kind == HV_INT ? hv_int_of(v) / (1024 * 1024) : 0);
}
static hv_value
col_mem_assigned(const hv_value *s)
{
    return col_mb(s, "MemoryAssigned");
}
static hv_value
col_minimum(const hv_value *s)
{
    return col_mb(s, "Minimum");
}
static hv_value
col_startup(const hv_value *s)
{
    return col_mb(s, "Startup");
}
static hv_value
col_maximum(const hv_value *s)
{
    return col_mb(s, "Maximum");
}
static hv_value
col_capacity(const hv_value *s)
{
    return col_mb(s, "MemoryCapacity");
}

/* Hyper-V's format file aligns every column of these views to the left. */
#define L(lbl, prop)                                                                               \
    {                                                                                              \
        .label = lbl, .property = prop, .align = -1                                                \
    }
#define C(lbl, fn)                                                                                 \
    {                                                                                              \
        .label = lbl, .compute = fn, .align = -1                                                   \
    }
static const hv_view_column vm_view[] = {L("Name", "Name"),
                                         L("State", "State"),
                                         L("CPUUsage(%)", "CPUUsage"),
                                         C("MemoryAssigned(M)", col_mem_assigned),
                                         L("Uptime", "Uptime"),
                                         L("Status", "Status"),
                                         L("Version", "Version"),
                                         {0}};
static const hv_view_column proc_view[] = {
    L("VMName", "VMName"),
    L("Count", "Count"),
    L("CompatibilityForMigrationEnabled", "CompatibilityForMigrationEnabled"),
    L("CompatibilityForOlderOperatingSystemsEnabled",
      "CompatibilityForOlderOperatingSystemsEnabled"),
    {0}};
static const hv_view_column mem_view[] = {
    L("VMName", "VMName"),        L("DynamicMemoryEnabled", "DynamicMemoryEnabled"),
    C("Minimum(M)", col_minimum), C("Startup(M)", col_startup),
    C("Maximum(M)", col_maximum), {0}};
static const hv_view_column nic_view[] = {L("Name", "Name"),
                                          L("IsManagementOs", "IsManagementOs"),
                                          L("VMName", "VMName"),
                                          L("SwitchName", "SwitchName"),
                                          L("MacAddress", "MacAddress"),
                                          L("Status", "Status"),
                                          L("IPAddresses", "IPAddresses"),
                                          {0}};
static const hv_view_column switch_view[] = {
    L("Name", "Name"),
    L("SwitchType", "SwitchType"),
    L("NetAdapterInterfaceDescription", "NetAdapterInterfaceDescription"),
    {0}};
static const hv_view_column snap_view[] = {L("VMName", "VMName"),
                                           L("Name", "Name"),
                                           L("SnapshotType", "SnapshotType"),
                                           L("CreationTime", "CreationTime"),
                                           L("ParentSnapshotName", "ParentSnapshotName"),
                                           {0}};
static const hv_view_column disk_view[] = {L("VMName", "VMName"),
                                           L("ControllerType", "ControllerType"),
                                           L("ControllerNumber", "ControllerNumber"),
                                           L("ControllerLocation", "ControllerLocation"),
                                           L("DiskNumber", "DiskNumber"),
                                           L("Path", "Path"),
                                           {0}};
static const hv_view_column dvd_view[] = {L("VMName", "VMName"),
                                          L("ControllerType", "ControllerType"),
                                          L("ControllerNumber", "ControllerNumber"),
                                          L("ControllerLocation", "ControllerLocation"),
                                          L("DvdMediaType", "DvdMediaType"),
                                          L("Path", "Path"),
                                          {0}};
static const hv_view_column host_view[] = {
    L("Name", "Name"),
    L("LogicalProcessorCount", "LogicalProcessorCount"),
    C("MemoryCapacity(M)", col_capacity),
    L("VirtualMachineMigrationEnabled", "VirtualMachineMigrationEnabled"),
    {0}};
static const hv_view_column integ_view[] = {
    L("VMName", "VMName"),
    L("Name", "Name"),
    L("Enabled", "Enabled"),
    L("PrimaryStatusDescription", "PrimaryStatusDescription"),
    L("SecondaryStatusDescription", "SecondaryStatusDescription"),
    {0}};
static const hv_view_column vlan_view[] = {L("VMName", "VMName"),
                                           L("VMNetworkAdapterName", "VMNetworkAdapterName"),
                                           L("Mode", "OperationMode"),
                                           L("VlanList", "VlanList"),
                                           {0}};
static const hv_view_column fw_view[] = {
    L("VMName", "VMName"),
    L("SecureBoot", "SecureBoot"),
    L("SecureBootTemplate", "SecureBootTemplate"),
    L("PreferredNetworkBootProtocol", "PreferredNetworkBootProtocol"),
    L("BootOrder", "BootOrder"),
    {0}};
static const hv_view_column bios_view[] = {L("VMName", "VMName"),
                                           L("StartupOrder", "StartupOrder"),
                                           L("NumLockEnabled", "NumLockEnabled"),
                                           {0}};
static const hv_view_column scsi_view[] = {
    L("VMName", "VMName"), L("ControllerNumber", "ControllerNumber"), L("Drives", "Drives"), {0}};
static const hv_view_column com_view[] = {
    L("VMName", "VMName"), L("Name", "Name"), L("Path", "Path"), {0}};
#undef L
#undef C

/* A VMBootSource prints as its BootType ({File, Drive, Network} in BootOrder). */
static hv_value
bootsource_string(const hv_value *self)
{
    const hv_value *t = hv_obj_get(self, "BootType");
    return t ? hv_conv_to_string(t, NULL) : hv_str("");
}

const hv_obj_class hvc_hv_cls_fw = {.type_name = "Microsoft.HyperV.PowerShell.VMFirmware",
                                    .table_view = fw_view};
const hv_obj_class hvc_hv_cls_bios = {.type_name = "Microsoft.HyperV.PowerShell.VMBios",
                                      .table_view = bios_view};
const hv_obj_class hvc_hv_cls_scsi = {.type_name = "Microsoft.HyperV.PowerShell.VMScsiController",
                                      .table_view = scsi_view};
const hv_obj_class hvc_hv_cls_security = {.type_name = "Microsoft.HyperV.PowerShell.VMSecurity"};
const hv_obj_class hvc_hv_cls_comport = {.type_name = "Microsoft.HyperV.PowerShell.VMComPort",
                                         .table_view = com_view};
const hv_obj_class hvc_hv_cls_bootsource = {.type_name = "Microsoft.HyperV.PowerShell.VMBootSource",
                                            .to_string = bootsource_string};

const hv_obj_class hvc_hv_cls_vm = {.type_name = "Microsoft.HyperV.PowerShell.VirtualMachine",
                                    .table_view = vm_view};
const hv_obj_class hvc_hv_cls_proc = {.type_name = "Microsoft.HyperV.PowerShell.VMProcessor",
                                      .table_view = proc_view};
const hv_obj_class hvc_hv_cls_mem = {.type_name = "Microsoft.HyperV.PowerShell.VMMemory",
                                     .table_view = mem_view};
const hv_obj_class hvc_hv_cls_nic = {
    .type_name = "Microsoft.HyperV.PowerShell.VMNetworkAdapter",
    .base_types = (const char *const[]){"Microsoft.HyperV.PowerShell.VMNetworkAdapterBase", NULL},
    .table_view = nic_view};
const hv_obj_class hvc_hv_cls_mgmt_nic = {
    .type_name = "Microsoft.HyperV.PowerShell.VMInternalNetworkAdapter",
    .base_types = (const char *const[]){"Microsoft.HyperV.PowerShell.VMNetworkAdapterBase", NULL},
    .table_view = nic_view};
const hv_obj_class hvc_hv_cls_switch = {.type_name = "Microsoft.HyperV.PowerShell.VMSwitch",
                                        .table_view = switch_view};
const hv_obj_class hvc_hv_cls_snap = {
    .type_name = "Microsoft.HyperV.PowerShell.VMSnapshot",
    .base_types = (const char *const[]){"Microsoft.HyperV.PowerShell.VMCheckpoint", NULL},
    .table_view = snap_view};
const hv_obj_class hvc_hv_cls_disk = {.type_name = "Microsoft.HyperV.PowerShell.HardDiskDrive",
                                      .table_view = disk_view};
const hv_obj_class hvc_hv_cls_dvd = {.type_name = "Microsoft.HyperV.PowerShell.DvdDrive",
                                     .table_view = dvd_view};
const hv_obj_class hvc_hv_cls_host = {.type_name = "Microsoft.HyperV.PowerShell.VMHost",
                                      .table_view = host_view};
const hv_obj_class hvc_hv_cls_vhd = {.type_name = "Microsoft.Vhd.PowerShell.VirtualHardDisk"};
const hv_obj_class hvc_hv_cls_integ = {
    .type_name = "Microsoft.HyperV.PowerShell.VMIntegrationComponent", .table_view = integ_view};
const hv_obj_class hvc_hv_cls_vlan = {.type_name =
                                          "Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting",
                                      .table_view = vlan_view};

/* ---- small helpers ---- */
bool
hvc_hv_is(const hv_value *v, const hv_obj_class *cls)
{
    return v && v->kind == HV_OBJECT && hv_obj_class_of(v) == cls;
}

hv_value
hvc_hv_guid(const char *uuid)
{
    unsigned char b[16];
    if (uuid && hv_guid_parse(uuid, b))
        return hv_guid_new(b);
    return hv_null();
}

void
hvc_hv_mac_display(const char *mac, char out[13])
{
    size_t n = 0;
    for (const char *p = mac; *p && n < 12; p++)
        if (*p != ':' && *p != '-')
            out[n++] = (char)(*p >= 'a' && *p <= 'f' ? *p - 32 : *p);
    out[n] = 0;
}

char *
hvc_hv_prop_str(const hv_value *obj, const char *name)
{
    if (!obj || obj->kind != HV_OBJECT)
        return NULL;
    const hv_value *v = hv_obj_get(obj, name);
    if (!v || v->kind == HV_NULL)
        return NULL;
    hv_value s = hv_conv_to_string(v, NULL);
    char *r = hv_xstrdup(hv_str_cstr(&s));
    hv_unref(s);
    return r;
}

char *
hvc_hv_arg_str(hv_cmd *cmd, int idx)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v || v->kind == HV_NULL)
        return NULL;
    if (v->kind == HV_ARRAY) {
        if (hv_array_len(v) == 0)
            return NULL;
        v = hv_array_at(v, 0);
    }
    hv_value s = hv_conv_to_string(v, NULL);
    char *r = hv_xstrdup(hv_str_cstr(&s));
    hv_unref(s);
    return r;
}

char **
hvc_hv_arg_strv(hv_cmd *cmd, int idx, size_t *n)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *n = 0;
    if (!v || v->kind == HV_NULL)
        return NULL;
    size_t cnt = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    char **out = hv_xcalloc(cnt + 1, sizeof *out);
    for (size_t i = 0; i < cnt; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        if (e->kind == HV_NULL)
            continue;
        hv_value s = hv_conv_to_string(e, NULL);
        out[(*n)++] = hv_xstrdup(hv_str_cstr(&s));
        hv_unref(s);
    }
    return out;
}

void
hvc_hv_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int
hvc_hv_arg_bool(hv_cmd *cmd, int idx, int dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v)
        return dflt;
    return hv_conv_to_bool(v) ? 1 : 0;
}

int64_t
hvc_hv_arg_int(hv_cmd *cmd, int idx, int64_t dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    int64_t r;
    hv_conv_err e;
    if (!v || v->kind == HV_NULL || !hv_conv_to_int64(v, &r, &e))
        return dflt;
    return r;
}

const char *
hvc_hv_arg_enum(hv_cmd *cmd, int idx, const hv_enum_def *def, int32_t *value)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v || v->kind == HV_NULL)
        return NULL;
    int32_t val = 0;
    if (v->kind == HV_ENUM)
        val = v->aux;
    else if (v->kind == HV_INT)
        val = (int32_t)hv_int_of(v);
    else {
        hv_value s = hv_conv_to_string(v, NULL);
        bool ok = hv_enum_parse(def, hv_str_cstr(&s), &val);
        hv_unref(s);
        if (!ok)
            return NULL;
    }
    for (int i = 0; i < def->count; i++)
        if (def->values[i] == val) {
            if (value)
                *value = val;
            return def->names[i];
        }
    return NULL;
}

/* ---- connections ---- */
/* -ComputerName values that mean this host: none, ".", "localhost" or our own host name. */
static bool
is_local(const char *c)
{
    if (!c || !*c || !strcasecmp(c, "localhost") || !strcmp(c, "."))
        return true;
    char host[256];
    if (gethostname(host, sizeof host) != 0)
        return false;
    host[sizeof host - 1] = 0;
    char *dot = strchr(host, '.');
    size_t n = dot ? (size_t)(dot - host) : strlen(host);
    return (strlen(c) == n && !strncasecmp(c, host, n)) || !strcasecmp(c, host);
}

hv_status
hvc_hv_connect(hv_cmd *cmd, const char *computer, hv_virt **out)
{
    char *uri = NULL;
    if (is_local(computer)) {
        const char *e = getenv("HVSH_URI");
        uri = e && *e ? hv_xstrdup(e) : NULL;
    } else {
        uri = hv_virt_remote_uri(getenv("HVSH_URI_TEMPLATE"), computer);
    }
    hv_eng_err err = {0};
    *out = hv_virt_open(uri, &err);
    free(uri);
    if (*out)
        return HV_OK;
    const char *host = is_local(computer) ? "localhost" : computer;
    hv_value tgt = hv_str(host);
    hv_value rec = hv_error_new_ex(
        cmd, "Microsoft.HyperV.PowerShell.VirtualizationException",
        err.code == HV_VIRT_E_LOAD ? HV_CAT_NotInstalled : HV_CAT_ObjectNotFound,
        err.code == HV_VIRT_E_LOAD ? "NotInstalled" : "ObjectNotFound", &tgt,
        "Hyper-V encountered an error trying to access an object on computer '%s': %s", host,
        err.msg);
    hv_unref(tgt);
    return hv_throw(cmd, rec);
}

hv_status
hvc_hv_conn_of(hv_cmd *cmd, const hv_value *obj, hv_virt **out)
{
    hv_virt *v = obj && obj->kind == HV_OBJECT ? hv_obj_native(obj) : NULL;
    if (v) {
        *out = v;
        return HV_OK;
    }
    char *comp = hvc_hv_prop_str(obj, "ComputerName");
    /* objects rebuilt elsewhere (Select-Object) lose the native: fall back to the name */
    hv_virt *local = NULL;
    hv_status st = hvc_hv_connect(cmd, NULL, &local);
    if (st == HV_OK && comp) {
        char *ln = hvc_hv_computer_name(local);
        if (strcasecmp(ln, comp) != 0)
            st = hvc_hv_connect(cmd, comp, &local);
        free(ln);
    }
    free(comp);
    *out = local;
    return st;
}

char *
hvc_hv_computer_name(hv_virt *v)
{
    return hv_virt_hostname(v);
}

/* ---- errors ---- */

static hv_value
vhv_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target, const char *fmt,
          va_list ap)
{
    /* the runtime appends ",Microsoft.HyperV.PowerShell.Commands.<Class>" to the id */
    char msg[1400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    hv_value tgt = target ? hv_str(target) : hv_null();
    hv_value rec = hv_error_new_ex(cmd, "Microsoft.HyperV.PowerShell.VirtualizationException", cat,
                                   id, &tgt, "%s", msg);
    hv_unref(tgt);
    return rec;
}

hv_status
hvc_hv_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target, const char *fmt,
             ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_value rec = vhv_error(cmd, cat, id, target, fmt, ap);
    va_end(ap);
    return hv_write_error(cmd, rec);
}

hv_status
hvc_hv_engine_error(hv_cmd *cmd, const hv_eng_err *err, const char *target)
{
    hv_err_category cat = HV_CAT_NotSpecified;
    const char *id = "Unspecified";
    switch (err->code) {
    case HV_VIRT_E_NOT_FOUND:
        cat = HV_CAT_ObjectNotFound;
        id = "ObjectNotFound";
        break;
    case HV_VIRT_E_INVALID:
        cat = HV_CAT_InvalidArgument;
        id = "InvalidParameter";
        break;
    case HV_VIRT_E_STATE:
        cat = HV_CAT_InvalidOperation;
        id = "InvalidState";
        break;
    case HV_VIRT_E_EXISTS:
        cat = HV_CAT_ResourceExists;
        id = "ObjectAlreadyExists";
        break;
    case HV_VIRT_E_UNSUPPORTED:
        cat = HV_CAT_NotImplemented;
        id = "NotSupported";
        break;
    case HV_VIRT_E_TIMEOUT:
        cat = HV_CAT_OperationTimeout;
        id = "OperationTimeout";
        break;
    case HV_VIRT_E_CONNECT:
        cat = HV_CAT_ConnectionError;
        id = "ObjectNotFound";
        break;
    case HV_VIRT_E_IO:
        cat = HV_CAT_WriteError;
        id = "OperationFailed";
        break;
    default:
        break;
    }
    return hvc_hv_error(cmd, cat, id, target, "%s", err->msg);
}

hv_status
hvc_hv_vm_not_found(hv_cmd *cmd, const char *name, bool get_vm)
{
    /* Get-VM reports InvalidArgument/InvalidParameter, the -VMName cmdlets ObjectNotFound
     * (hyperv-cmdlets.md §11) */
    /* Get-VM names the VM as the target, `InvalidArgument: (N1:String) [Get-VM]`; the
     * -VMName cmdlets leave it empty, `ObjectNotFound: (:) [Set-VMFirmware]` (§5 Get-VM,
     * Set-VMProcessor) */
    return hvc_hv_error(cmd, get_vm ? HV_CAT_InvalidArgument : HV_CAT_ObjectNotFound,
                        get_vm ? "InvalidParameter" : "ObjectNotFound", get_vm ? name : NULL,
                        "Hyper-V was unable to find a virtual machine with name \"%s\".", name);
}

/* ---- object builders ---- */
static hv_value
str_or_empty(const char *s)
{
    return hv_str(s ? s : "");
}

static hv_value
enum_by_name(const hv_enum_def *def, const char *name, int32_t dflt)
{
    int32_t v = dflt;
    if (name)
        hv_enum_parse(def, name, &v);
    return hv_enum(def, v);
}

static hv_value
str_array(const char *const *items)
{
    hv_value a = hv_array_new(4);
    for (; items && *items; items++)
        hv_array_push(&a, hv_str(*items));
    return a;
}

static void
set_common(hv_value *o, hv_virt *v)
{
    char *h = hvc_hv_computer_name(v);
    hv_obj_set(o, "ComputerName", hv_str(h));
    free(h);
    hv_obj_set(o, "IsDeleted", hv_bool(false));
    hv_obj_set_native(o, v);
}

static int64_t
uptime_ticks(const hv_vm *vm)
{
    if (vm->state != HV_VM_RUNNING && vm->state != HV_VM_PAUSED)
        return 0;
    if (vm->started <= 0)
        return 0;
    int64_t secs = (int64_t)time(NULL) - vm->started;
    return secs > 0 ? secs * 10000000LL : 0;
}

/* CPUUsage: Hyper-V shows a current percentage; libvirt gives cumulative CPU time, so this is
 * the average since hvsh started the VM (0 when the start time is unknown). */
static int32_t
cpu_usage(const hv_vm *vm)
{
    int64_t up = uptime_ticks(vm) / 10000000LL;
    if (up <= 0 || !vm->vcpus)
        return 0;
    double pct = (double)vm->cpu_time_ns / 1e9 / (double)up / (double)vm->vcpus * 100.0;
    return pct > 100.0 ? 100 : (int32_t)(pct + 0.5);
}

/* OnOffState: On = 0, Off = 1 */
static hv_value
onoff(unsigned on)
{
    return hv_enum(&hvc_hv_enum_onoff, on ? 0 : 1);
}

hv_value
hvc_hv_nic_obj(hv_virt *v, const hv_vm *vm, const hv_vm_nic *nic)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_nic);
    char mac[13];
    hvc_hv_mac_display(nic->mac, mac);
    hv_obj_set(&o, "Name", hv_str(nic->name));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\%s", vm->uuid, mac));
    hv_obj_set(&o, "IsLegacy", hv_bool(nic->is_legacy));
    hv_obj_set(&o, "IsManagementOs", hv_bool(false));
    hv_obj_set(&o, "IsExternalAdapter", hv_bool(false));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "SwitchName", nic->switch_name ? hv_str(nic->switch_name) : hv_null());
    hv_obj_set(&o, "SwitchId", nic->switch_id[0] ? hvc_hv_guid(nic->switch_id) : hv_null());
    hv_obj_set(&o, "Connected", hv_bool(nic->switch_name != NULL));
    hv_obj_set(&o, "MacAddress", hv_str(mac));
    hv_obj_set(&o, "DynamicMacAddressEnabled", hv_bool(nic->dynamic_mac));
    hv_obj_set(&o, "MacAddressSpoofing", hv_enum(&hvc_hv_enum_onoff, nic->mac_spoofing ? 0 : 1));
    hv_obj_set(&o, "AllowTeaming", onoff(nic->on_flags & HV_NIC_TEAMING));
    hv_obj_set(&o, "DhcpGuard", onoff(nic->on_flags & HV_NIC_DHCPGUARD));
    hv_obj_set(&o, "RouterGuard", onoff(nic->on_flags & HV_NIC_ROUTERGUARD));
    hv_obj_set(&o, "PortMirroringMode", hv_enum(&hvc_hv_enum_portmirror, 0));
    hv_obj_set(&o, "IeeePriorityTag", onoff(nic->on_flags & HV_NIC_PRIOTAG));
    hv_obj_set(&o, "DeviceNaming", onoff(nic->on_flags & HV_NIC_DEVNAMING));
    hv_obj_set(&o, "VlanId", hv_int(nic->vlan));
    hv_obj_set(&o, "IPAddresses", hv_array_new(0));
    bool running = vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED;
    /* Status is empty while the VM is off, {Ok} while it runs (as Hyper-V) */
    hv_value st = hv_array_new(1);
    if (running)
        hv_array_push(&st, hv_str("Ok"));
    hv_obj_set(&o, "Status", st);
    hv_obj_set(&o, "StatusDescription",
               running ? str_array((const char *const[]){"OK", NULL}) : hv_array_new(0));
    set_common(&o, v);
    return o;
}

static hv_value
nic_array(hv_virt *v, const hv_vm *vm)
{
    hv_value a = hv_array_new(vm->n_nics);
    for (size_t i = 0; i < vm->n_nics; i++)
        hv_array_push(&a, hvc_hv_nic_obj(v, vm, &vm->nics[i]));
    return a;
}

hv_value
hvc_hv_disk_obj(hv_virt *v, const hv_vm *vm, const hv_vm_disk *d)
{
    hv_value o = hv_obj_new(d->is_dvd ? &hvc_hv_cls_dvd : &hvc_hv_cls_disk);
    const char *ct = d->controller_type == 0 ? "IDE" : "SCSI";
    hv_obj_set(&o, "Path", d->path ? hv_str(d->path) : hv_null());
    if (d->is_dvd)
        hv_obj_set(&o, "DvdMediaType", hv_str(d->path ? "ISO" : "None"));
    else
        hv_obj_set(&o, "DiskNumber", hv_null());
    hv_obj_set(&o, "ControllerType", hv_enum(&hvc_hv_enum_controller, d->controller_type));
    hv_obj_set(&o, "ControllerNumber", hv_int(d->controller_number));
    hv_obj_set(&o, "ControllerLocation", hv_int(d->controller_location));
    /* Hyper-V names drives "Hard Drive on IDE controller number 0 at location 0" */
    hv_obj_set(&o, "Name",
               hv_strf("%s on %s controller number %d at location %d",
                       d->is_dvd ? "DVD Drive" : "Hard Drive", ct, d->controller_number,
                       d->controller_location));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\%s", vm->uuid, d->target ? d->target : ""));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "Target", hv_str(d->target ? d->target : ""));
    set_common(&o, v);
    return o;
}

static hv_value
disk_array(hv_virt *v, const hv_vm *vm, bool dvd)
{
    hv_value a = hv_array_new(vm->n_disks);
    for (size_t i = 0; i < vm->n_disks; i++)
        if (vm->disks[i].is_dvd == dvd)
            hv_array_push(&a, hvc_hv_disk_obj(v, vm, &vm->disks[i]));
    return a;
}

hv_value
hvc_hv_vm_obj(hv_virt *v, const hv_vm *vm)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_vm);
    bool running = vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED;
    hv_obj_set(&o, "Name", hv_str(vm->name));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "Id", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "State", hv_enum(&hvc_hv_enum_vmstate, hvc_hv_state_value(vm->state)));
    hv_obj_set(&o, "Status", hv_str("Operating normally"));
    hv_obj_set(&o, "CPUUsage", hv_int(cpu_usage(vm)));
    hv_obj_set(&o, "MemoryAssigned", hv_long(running ? (int64_t)vm->mem_assigned : 0));
    hv_obj_set(&o, "MemoryDemand", hv_long(0));
    hv_obj_set(&o, "MemoryStatus", hv_str(""));
    hv_obj_set(&o, "MemoryStartup", hv_long((int64_t)vm->mem_startup));
    hv_obj_set(&o, "MemoryMinimum", hv_long((int64_t)vm->mem_minimum));
    hv_obj_set(&o, "MemoryMaximum", hv_long((int64_t)vm->mem_maximum));
    hv_obj_set(&o, "DynamicMemoryEnabled", hv_bool(vm->dynamic_memory));
    hv_obj_set(&o, "ProcessorCount", hv_long(vm->vcpus));
    hv_obj_set(&o, "Uptime", hv_timespan(uptime_ticks(vm)));
    hv_obj_set(&o, "Generation", hv_int(vm->generation));
    hv_obj_set(&o, "Version", hv_str("10.0"));
    hv_obj_set(&o, "Notes", str_or_empty(vm->notes));
    /* New-VM -Path P keeps the VM's files in P/<name> (Hyper-V's layout); without it, in
     * the host's VirtualMachinePath (Set-VMHost) */
    hv_value vmpath;
    if (vm->path) {
        size_t pl = strlen(vm->path);
        vmpath = hv_strf("%.*s/%s", (int)(pl > 1 && vm->path[pl - 1] == '/' ? pl - 1 : pl),
                         vm->path, vm->name);
    } else {
        hv_vmhost_cfg cfg;
        hv_eng_err err = {0};
        char *h = hvc_hv_computer_name(v);
        hv_virt_hostcfg_load(h, &cfg, &err); /* defaults when unreadable */
        free(h);
        vmpath = hv_str(cfg.vm_path);
    }
    hv_obj_set(&o, "Path", hv_ref(&vmpath));
    hv_obj_set(&o, "ConfigurationLocation", vmpath);
    hv_obj_set(&o, "CheckpointType", enum_by_name(&hvc_hv_enum_checkpoint, vm->checkpoint_type, 3));
    hv_obj_set(&o, "AutomaticStartAction",
               enum_by_name(&hvc_hv_enum_startaction, vm->auto_start, 3));
    hv_obj_set(&o, "AutomaticStartDelay", hv_int(vm->auto_start_delay));
    hv_obj_set(&o, "AutomaticStopAction", enum_by_name(&hvc_hv_enum_stopaction, vm->auto_stop, 3));
    hv_obj_set(&o, "AutomaticCheckpointsEnabled", hv_bool(false));
    hv_obj_set(&o, "ParentCheckpointId", hv_null());
    hv_obj_set(&o, "ParentCheckpointName", str_or_empty(vm->current_snapshot));
    hv_obj_set(&o, "ParentSnapshotId", hv_null());
    hv_obj_set(&o, "ParentSnapshotName", str_or_empty(vm->current_snapshot));
    hv_obj_set(&o, "NetworkAdapters", nic_array(v, vm));
    hv_obj_set(&o, "HardDrives", disk_array(v, vm, false));
    hv_obj_set(&o, "DVDDrives", disk_array(v, vm, true));
    hv_obj_set(&o, "IsClustered", hv_bool(false));
    hv_obj_set(&o, "ResourceMeteringEnabled", hv_bool(vm->metering));
    set_common(&o, v);
    return o;
}

hv_value
hvc_hv_proc_obj(hv_virt *v, const hv_vm *vm)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_proc);
    hv_obj_set(&o, "Count", hv_long(vm->vcpus));
    hv_obj_set(&o, "CompatibilityForMigrationEnabled", hv_bool(false));
    hv_obj_set(&o, "CompatibilityForOlderOperatingSystemsEnabled", hv_bool(false));
    hv_obj_set(&o, "ExposeVirtualizationExtensions", hv_bool(vm->nested));
    hv_obj_set(&o, "HwThreadCountPerCore", hv_long(1));
    hv_obj_set(&o, "Maximum", hv_long(vm->proc_maximum));
    hv_obj_set(&o, "Reserve", hv_long(vm->proc_reserve));
    hv_obj_set(&o, "RelativeWeight", hv_int(vm->proc_weight));
    hv_obj_set(&o, "EnableHostResourceProtection", hv_bool(false));
    hv_obj_set(&o, "Name", hv_str("Processor"));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\processor", vm->uuid));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    set_common(&o, v);
    return o;
}

hv_value
hvc_hv_mem_obj(hv_virt *v, const hv_vm *vm)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_mem);
    hv_obj_set(&o, "DynamicMemoryEnabled", hv_bool(vm->dynamic_memory));
    hv_obj_set(&o, "Startup", hv_long((int64_t)vm->mem_startup));
    hv_obj_set(&o, "Minimum", hv_long((int64_t)vm->mem_minimum));
    hv_obj_set(&o, "Maximum", hv_long((int64_t)vm->mem_maximum));
    hv_obj_set(&o, "Buffer", hv_int(vm->mem_buffer));
    hv_obj_set(&o, "Priority", hv_int(vm->mem_priority));
    hv_obj_set(&o, "Name", hv_str("Memory"));
    hv_obj_set(&o, "Id", hv_strf("Microsoft:%s\\memory", vm->uuid));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    set_common(&o, v);
    return o;
}

hv_value
hvc_hv_switch_obj(hv_virt *v, const hv_switch *sw)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_switch);
    hv_obj_set(&o, "Name", hv_str(sw->name));
    hv_obj_set(&o, "Id", hvc_hv_guid(sw->uuid));
    hv_obj_set(&o, "SwitchType", hv_enum(&hvc_hv_enum_switchtype, (int32_t)sw->type));
    hv_obj_set(&o, "AllowManagementOS", hv_bool(sw->allow_management_os));
    hv_obj_set(&o, "NetAdapterInterfaceDescription", str_or_empty(sw->net_adapter));
    hv_value descs = hv_array_new(1);
    if (sw->net_adapter)
        hv_array_push(&descs, hv_str(sw->net_adapter));
    hv_obj_set(&o, "NetAdapterInterfaceDescriptions", descs);
    hv_obj_set(&o, "Notes", str_or_empty(sw->notes));
    hv_obj_set(&o, "BandwidthReservationMode", hv_enum(&hvc_hv_enum_bandwidth, 3));
    hv_obj_set(&o, "EmbeddedTeamingEnabled", hv_bool(false));
    hv_obj_set(&o, "IovEnabled", hv_bool(false));
    hv_obj_set(&o, "PacketDirectEnabled", hv_bool(false));
    hv_obj_set(&o, "BridgeName", str_or_empty(sw->bridge));
    set_common(&o, v);
    return o;
}

hv_value
hvc_hv_snap_obj(hv_virt *v, const hv_vm *vm, const hv_snap *s, const hv_snap *all, size_t n)
{
    (void)all;
    (void)n;
    hv_value o = hv_obj_new(&hvc_hv_cls_snap);
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "Name", hv_str(s->name));
    hv_obj_set(&o, "SnapshotType", hv_enum(&hvc_hv_enum_snaptype, 0));
    /* unix seconds -> .NET ticks, local time as Hyper-V shows */
    time_t t = (time_t)s->created;
    struct tm lt;
    localtime_r(&t, &lt);
    int64_t local = (int64_t)s->created + lt.tm_gmtoff;
    hv_obj_set(&o, "CreationTime",
               hv_datetime(local * 10000000LL + 621355968000000000LL, HV_DT_LOCAL));
    hv_obj_set(&o, "ParentSnapshotName", str_or_empty(s->parent));
    hv_obj_set(&o, "ParentCheckpointName", str_or_empty(s->parent));
    hv_obj_set(&o, "IsAutomaticCheckpoint", hv_bool(false));
    hv_obj_set(&o, "State", hv_enum(&hvc_hv_enum_vmstate, hvc_hv_state_value(s->state)));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "Id", hv_strf("%s/%s", vm->uuid, s->name));
    set_common(&o, v);
    return o;
}

/* ---- selection ---- */
static hv_status
get_vm_by_obj(hv_cmd *cmd, const hv_value *obj, hv_virt **v, hv_vm *vm, bool *ok)
{
    *ok = false;
    hv_status st = hvc_hv_conn_of(cmd, obj, v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(obj, "VMId");
    char *name = hvc_hv_prop_str(obj, "VMName");
    if (!name)
        name = hvc_hv_prop_str(obj, "Name");
    hv_eng_err err = {0};
    if (id && hv_virt_get_vm(*v, id, vm, &err) == 0)
        *ok = true;
    else
        st = hvc_hv_vm_not_found(cmd, name ? name : id ? id : "", false);
    free(id);
    free(name);
    return st;
}

static hv_status
run_one(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hvc_hv_vm_fn fn, void *ud)
{
    hv_status st = fn(cmd, v, vm, ud);
    hv_virt_vm_clear(vm);
    return st;
}

/* Names resolve against the cheap id list; each selected VM is then read and handed on one
 * at a time, so `Get-VM | Select-Object -First 1` stops early. */
static hv_status
each_by_names(hv_cmd *cmd, hv_virt *v, char **names, size_t nn, const hvc_hv_sel *sel,
              hvc_hv_vm_fn fn, void *ud)
{
    hv_vm_id *ids;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_list_ids(v, &ids, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, NULL);
    bool *take = hv_xcalloc(n + 1, sizeof *take);
    hv_status st = HV_OK;
    for (size_t k = 0; k < nn && st == HV_OK; k++) {
        bool wild = hv_wildcard_has_meta(names[k]), any = false;
        for (size_t i = 0; i < n; i++)
            if (hv_wildcard_match(names[k], ids[i].name, false)) {
                take[i] = true;
                any = true;
            }
        if (!any && !wild)
            st = hvc_hv_vm_not_found(cmd, names[k], sel->get_vm);
    }
    if (!nn && sel->all_if_none)
        for (size_t i = 0; i < n; i++)
            take[i] = true;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!take[i])
            continue;
        if (hv_cmd_interrupted(cmd)) {
            st = HV_STOPPED;
            break;
        }
        hv_vm vm;
        if (hv_virt_get_vm(v, ids[i].uuid, &vm, &err) < 0) {
            if (err.code != HV_VIRT_E_NOT_FOUND) /* gone meanwhile: skip */
                st = hvc_hv_engine_error(cmd, &err, ids[i].name);
            continue;
        }
        st = run_one(cmd, v, &vm, fn, ud);
    }
    free(take);
    hv_virt_ids_free(ids, n);
    return st;
}

static bool
is_vmish(const hv_value *v)
{
    return v && v->kind == HV_OBJECT && hv_obj_get(v, "VMId") &&
           (hvc_hv_is(v, &hvc_hv_cls_vm) || hvc_hv_is(v, &hvc_hv_cls_proc) ||
            hvc_hv_is(v, &hvc_hv_cls_mem) || hv_obj_class_of(v) == NULL);
}

static hv_status
each_object(hv_cmd *cmd, const hv_value *obj, hvc_hv_vm_fn fn, void *ud)
{
    hv_virt *v;
    hv_vm vm;
    bool ok;
    hv_status st = get_vm_by_obj(cmd, obj, &v, &vm, &ok);
    if (st != HV_OK || !ok)
        return st;
    return run_one(cmd, v, &vm, fn, ud);
}

hv_status
hvc_hv_each_vm_of(hv_cmd *cmd, const hv_value *obj, hvc_hv_vm_fn fn, void *ud)
{
    return each_object(cmd, obj, fn, ud);
}

hv_status
hvc_hv_each_vm(hv_cmd *cmd, const hv_value *input, const hvc_hv_sel *sel, hvc_hv_vm_fn fn, void *ud)
{
    if (input && is_vmish(input))
        return each_object(cmd, input, fn, ud);
    const hv_value *objs = sel->p_vm >= 0 ? hv_cmd_arg(cmd, sel->p_vm) : NULL;
    if (objs && objs->kind != HV_NULL) {
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        hv_status st = HV_OK;
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            const hv_value *o = objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs;
            st = each_object(cmd, o, fn, ud);
        }
        return st;
    }
    size_t nn = 0, nc = 0;
    char **names = sel->p_name >= 0 ? hvc_hv_arg_strv(cmd, sel->p_name, &nn) : NULL;
    if (!names && input && input->kind == HV_STRING) {
        names = hv_xcalloc(2, sizeof *names);
        names[0] = hv_xstrdup(hv_str_cstr(input));
        nn = 1;
    }
    char **comps = sel->p_computer >= 0 ? hvc_hv_arg_strv(cmd, sel->p_computer, &nc) : NULL;
    hv_status st = HV_OK;
    if (nn || sel->all_if_none) {
        for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
            hv_virt *v;
            st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v);
            if (st == HV_OK)
                st = each_by_names(cmd, v, names, nn, sel, fn, ud);
        }
    }
    hvc_hv_strv_free(names, nn);
    hvc_hv_strv_free(comps, nc);
    return st;
}

hv_status
hvc_hv_each_vm_or_snap(hv_cmd *cmd, const hv_value *input, const hvc_hv_sel *sel,
                       hvc_hv_vm_fn fn, void *ud)
{
    /* only here: for Remove-VM & co. a checkpoint must never stand for its VM */
    if (hvc_hv_is(input, &hvc_hv_cls_snap) && hv_obj_get(input, "VMId"))
        return each_object(cmd, input, fn, ud);
    return hvc_hv_each_vm(cmd, input, sel, fn, ud);
}

hv_status
hvc_hv_emit_vm(hv_cmd *cmd, hv_virt *v, const char *uuid)
{
    hv_vm vm;
    hv_eng_err err = {0};
    if (hv_virt_get_vm(v, uuid, &vm, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, uuid);
    hv_value o = hvc_hv_vm_obj(v, &vm);
    hv_virt_vm_clear(&vm);
    return hv_emit(cmd, o);
}

const hv_switch *
hvc_hv_find_switch(const hv_switch *sw, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!hv_str_cmp_ci(sw[i].name, name))
            return &sw[i];
    return NULL;
}

hv_status
hvc_hv_resolve_switch(hv_cmd *cmd, hv_virt *v, const char *name, char **bridge, char **network,
                      bool *found)
{
    *bridge = *network = NULL;
    *found = false;
    hv_switch *sw;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_switch_list(v, &sw, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, name);
    const hv_switch *s = hvc_hv_find_switch(sw, n, name);
    hv_status st = HV_OK;
    hv_nl *nl = NULL;
    hv_nl_link link;
    if (!s && !hv_virt_is_test(v) && hv_virt_is_local(v) && hv_nl_open(&nl, NULL) == 0) {
        /* a host bridge without a libvirt mirror (made by another tool, or a daemon
         * without a network driver): found by its alias "vEthernet (<name>)" */
        if (hv_nl_switch_find(nl, name, &link, NULL) == 0) {
            *found = true;
            *bridge = hv_xstrdup(link.name);
        }
        hv_nl_close(nl);
    }
    if (*found) {
        /* resolved on the host */
    } else if (!s) {
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", name,
                          "Hyper-V was unable to find a virtual switch with name \"%s\".", name);
    } else {
        *found = true;
        /* hvsh's own switches (bridge mirrors) attach as <interface type='bridge'>; other
         * libvirt networks (NAT, isolated) as type='network' */
        if (s->is_mirror && s->bridge)
            *bridge = hv_xstrdup(s->bridge);
        else
            *network = hv_xstrdup(s->name);
    }
    hv_virt_switches_free(sw, n);
    return st;
}

/* ---- tab completion of VM and switch names (the connection of $env:HVSH_URI) ---- */

static hv_virt *
complete_conn(void)
{
    const char *e = getenv("HVSH_URI");
    hv_eng_err err = {0};
    return hv_virt_open(e && *e ? e : NULL, &err);
}

char **
hvc_complete_vmname(hv_ctx *ctx, const char *prefix)
{
    (void)ctx;
    (void)prefix; /* the completion engine filters */
    hv_virt *v = complete_conn();
    hv_vm_id *ids = NULL;
    size_t n = 0;
    hv_eng_err err = {0};
    if (!v || hv_virt_list_ids(v, &ids, &n, &err) != 0)
        return NULL;
    char **out = hv_xcalloc(n + 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = hv_xstrdup(ids[i].name);
    hv_virt_ids_free(ids, n);
    return out;
}

char **
hvc_complete_switchname(hv_ctx *ctx, const char *prefix)
{
    (void)ctx;
    (void)prefix;
    hv_virt *v = complete_conn();
    hv_switch *sw = NULL;
    size_t n = 0;
    hv_eng_err err = {0};
    if (!v || hv_virt_switch_list(v, &sw, &n, &err) != 0)
        return NULL;
    char **out = hv_xcalloc(n + 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = hv_xstrdup(sw[i].name);
    hv_virt_switches_free(sw, n);
    return out;
}
