/* hyperv_net.c — virtual network adapters and virtual switches.
 *
 * A switch is a Linux bridge (engine/netlink.h, alias "vEthernet (<Name>)") mirrored as a
 * libvirt <network><forward mode='bridge'/> named like the switch. The libvirt test driver's
 * host is fictional, so on test:// connections (and remote ones) only the mirror is made. */
#include "cmdlets/hyperv.h"
#include "engine/netlink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmdlets/hyperv_params.h"

#define P_ONOFF(nm, hp)                                                                            \
    {                                                                                              \
        .name = nm, .type = HV_PT_ENUM, .position = NAMED, .enum_def = &hvc_hv_enum_onoff,         \
        .help = hp                                                                                 \
    }

/* Host-side bridges are made only for the local real host; $env:HVSH_SWITCH_BRIDGES = 1 makes
 * them for the test driver too (the demo runs it inside a private network namespace). */
static bool
host_side(hv_virt *v, hv_cmd *cmd, int p_computer)
{
    (void)cmd;
    (void)p_computer;
    const char *force = getenv("HVSH_SWITCH_BRIDGES");
    if (hv_virt_is_test(v) && !(force && !strcmp(force, "1")))
        return false;
    /* netlink reaches this machine only */
    return hv_virt_is_local(v);
}

/* ---- adapter selection ---- */
typedef hv_status (*nic_fn)(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud);
typedef struct {
    int p_name; /* -Name filter (adapter name), -1 none */
    nic_fn fn;
    void *ud;
    bool legacy_filter;
    int p_legacy;
} nic_walk;

static hv_status
walk_vm(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    nic_walk *w = ud;
    char *filter = w->p_name >= 0 ? hvc_hv_arg_str(cmd, w->p_name) : NULL;
    int legacy = w->p_legacy >= 0 ? hvc_hv_arg_bool(cmd, w->p_legacy, -1) : -1;
    hv_status st = HV_OK;
    for (size_t i = 0; i < vm->n_nics && st == HV_OK; i++) {
        if (filter && !hv_wildcard_match(filter, vm->nics[i].name, false))
            continue;
        if (legacy >= 0 && vm->nics[i].is_legacy != (legacy == 1))
            continue;
        st = w->fn(cmd, v, vm, &vm->nics[i], w->ud);
    }
    free(filter);
    return st;
}

/* One adapter object (pipeline or -VMNetworkAdapter): re-read its VM, find it by MAC. */
static hv_status
walk_obj(hv_cmd *cmd, const hv_value *obj, nic_fn fn, void *ud)
{
    if (hvc_hv_is(obj, &hvc_hv_cls_mgmt_nic))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "This operation is not supported for management OS adapters "
                            "(the switch's bridge).");
    hv_virt *v;
    hv_status st = hvc_hv_conn_of(cmd, obj, &v);
    if (st != HV_OK)
        return st;
    char *id = hvc_hv_prop_str(obj, "VMId"), *mac = hvc_hv_prop_str(obj, "MacAddress"),
         *vmname = hvc_hv_prop_str(obj, "VMName");
    char norm[18];
    hv_vm vm;
    hv_eng_err err = {0};
    if (!id || !mac || !hv_virt_mac_normalize(mac, norm))
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "The input object is not a virtual network adapter.");
    else if (hv_virt_get_vm(v, id, &vm, &err) < 0)
        st = hvc_hv_vm_not_found(cmd, vmname ? vmname : id, false);
    else {
        hv_vm_nic *nic = NULL;
        for (size_t i = 0; i < vm.n_nics; i++)
            if (!strcasecmp(vm.nics[i].mac, norm))
                nic = &vm.nics[i];
        if (!nic)
            st = hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", mac,
                              "The virtual network adapter with MAC address %s no longer exists "
                              "on virtual machine '%s'.",
                              mac, vm.name);
        else
            st = fn(cmd, v, &vm, nic, ud);
        hv_virt_vm_clear(&vm);
    }
    free(id);
    free(mac);
    free(vmname);
    return st;
}

static hv_status
each_nic(hv_cmd *cmd, const hv_value *input, int p_adapter, const hvc_hv_sel *sel, int p_name,
         nic_fn fn, void *ud)
{
    if (hvc_hv_is(input, &hvc_hv_cls_nic) || hvc_hv_is(input, &hvc_hv_cls_mgmt_nic))
        return walk_obj(cmd, input, fn, ud);
    const hv_value *objs = p_adapter >= 0 ? hv_cmd_arg(cmd, p_adapter) : NULL;
    if (objs && objs->kind != HV_NULL) {
        hv_status st = HV_OK;
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = walk_obj(cmd, objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs, fn, ud);
        return st;
    }
    nic_walk w = {.p_name = p_name, .fn = fn, .ud = ud, .p_legacy = -1};
    return hvc_hv_each_vm(cmd, hvc_hv_is(input, &hvc_hv_cls_vm) ? input : NULL, sel, walk_vm, &w);
}

static hv_status
emit_nic_now(hv_cmd *cmd, hv_virt *v, const char *uuid, const char *mac)
{
    hv_vm vm;
    hv_eng_err err = {0};
    if (hv_virt_get_vm(v, uuid, &vm, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, uuid);
    hv_status st = HV_OK;
    for (size_t i = 0; i < vm.n_nics; i++)
        if (!strcasecmp(vm.nics[i].mac, mac))
            st = hv_emit(cmd, hvc_hv_nic_obj(v, &vm, &vm.nics[i]));
    hv_virt_vm_clear(&vm);
    return st;
}

/* Management-OS adapters: one per switch that gives the host an interface. */
static hv_status
emit_mgmt(hv_cmd *cmd, hv_virt *v, const char *name_filter, const char *switch_filter)
{
    hv_switch *sw;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_switch_list(v, &sw, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, NULL);
    hv_nl *nl = NULL;
    if (!hv_virt_is_test(v) && hv_nl_open(&nl, NULL) < 0)
        nl = NULL;
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!sw[i].allow_management_os)
            continue;
        if (name_filter && !hv_wildcard_match(name_filter, sw[i].name, false))
            continue;
        if (switch_filter && hv_str_cmp_ci(switch_filter, sw[i].name))
            continue;
        hv_value o = hv_obj_new(&hvc_hv_cls_mgmt_nic);
        char mac[13] = "";
        hv_nl_link l;
        if (nl && hv_nl_switch_find(nl, sw[i].name, &l, NULL) == 0)
            snprintf(mac, sizeof mac, "%02X%02X%02X%02X%02X%02X", l.mac[0], l.mac[1], l.mac[2],
                     l.mac[3], l.mac[4], l.mac[5]);
        hv_obj_set(&o, "Name", hv_str(sw[i].name));
        hv_obj_set(&o, "IsManagementOs", hv_bool(true));
        hv_obj_set(&o, "IsExternalAdapter", hv_bool(false));
        hv_obj_set(&o, "VMName", hv_null());
        hv_obj_set(&o, "VMId", hv_null());
        hv_obj_set(&o, "SwitchName", hv_str(sw[i].name));
        hv_obj_set(&o, "SwitchId", hvc_hv_guid(sw[i].uuid));
        hv_obj_set(&o, "Connected", hv_bool(true));
        hv_obj_set(&o, "MacAddress", hv_str(mac));
        hv_obj_set(&o, "DynamicMacAddressEnabled", hv_bool(true));
        hv_obj_set(&o, "MacAddressSpoofing", hv_enum(&hvc_hv_enum_onoff, 1));
        hv_obj_set(&o, "DeviceNaming", hv_enum(&hvc_hv_enum_onoff, 1));
        hv_obj_set(&o, "InterfaceAlias", hv_strf("vEthernet (%s)", sw[i].name));
        hv_obj_set(&o, "IPAddresses", hv_array_new(0));
        hv_value stv = hv_array_new(1);
        hv_array_push(&stv, hv_str("Ok"));
        hv_obj_set(&o, "Status", stv);
        char *host = hvc_hv_computer_name(v);
        hv_obj_set(&o, "ComputerName", hv_str(host));
        free(host);
        hv_obj_set_native(&o, v);
        st = hv_emit(cmd, o);
    }
    if (nl)
        hv_nl_close(nl);
    hv_virt_switches_free(sw, n);
    return st;
}

/* ---- Get-VMNetworkAdapter ---- */
enum {
    GN_VMNAME,
    GN_VM,
    GN_NAME,
    GN_MGMT,
    GN_ALL,
    GN_SWITCH,
    GN_LEGACY,
    GN_SNAPSHOT,
    GN_COMPUTER,
    GN_CRED,
    GN__N
};
const hv_param_def hvc_hv_get_vmnetworkadapter_params[] = {
    [GN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines."},
    [GN_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects."},
    [GN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_WILDCARDS,
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Adapter name."},
    [GN_MGMT] = {.name = "ManagementOS",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(2),
                 .help = "The host's adapters (one per switch bridge)."},
    [GN_ALL] = {.name = "All",
                .type = HV_PT_SWITCH,
                .position = NAMED,
                .flags = HV_PF_MANDATORY,
                .sets = HV_SET(3),
                .help = "Adapters of every VM and of the host."},
    [GN_SWITCH] = {.name = "SwitchName", .complete = hvc_complete_switchname,
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .sets = HV_SET(2),
                   .help = "Only the host adapter of this switch."},
    [GN_LEGACY] = {.name = "IsLegacy",
                   .type = HV_PT_BOOL,
                   .position = NAMED,
                   .sets = HV_SET(0) | HV_SET(1),
                   .help = "Legacy (emulated) adapters only."},
    /* set VMSnapshot: [-VMSnapshot] <VMSnapshot> [[-Name] <String>] (STUB) */
    [GN_SNAPSHOT] = {.name = "VMSnapshot",
                     .type = HV_PT_ANY,
                     .position = 0,
                     .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                     .sets = HV_SET(4),
                     .aliases = A("VMCheckpoint"),
                     .help = "A checkpoint (its virtual machine's current adapters)."},
    [GN_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(2) | HV_SET(3)),
    [GN_CRED] = P_CREDENTIAL(HV_SET(0) | HV_SET(2) | HV_SET(3)),
    [GN__N] = {.name = NULL},
};

/* IPAddresses: what libvirt learned about a running VM (leases, ARP); Hyper-V gets them from
 * the guest. Only Get-VMNetworkAdapter asks, so Get-VM stays cheap. */
static hv_status
emit_nic(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    (void)ud;
    hv_value o = hvc_hv_nic_obj(v, vm, nic);
    if (vm->state == HV_VM_RUNNING) {
        hv_vm_addr *a;
        size_t n;
        hv_eng_err err = {0};
        if (hv_virt_vm_addresses(v, vm->uuid, &a, &n, &err) == 0) {
            hv_value ips = hv_array_new(n);
            for (size_t i = 0; i < n; i++)
                if (!strcasecmp(a[i].mac, nic->mac))
                    hv_array_push(&ips, hv_str(a[i].addr));
            hv_obj_set(&o, "IPAddresses", ips);
            free(a);
        }
    }
    return hv_emit(cmd, o);
}

hv_status
hvc_hv_get_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    bool mgmt = hv_cmd_switch(cmd, GN_MGMT), all = hv_cmd_switch(cmd, GN_ALL);
    hvc_hv_sel sel = {
        .p_name = GN_VMNAME, .p_vm = GN_VM, .p_computer = GN_COMPUTER, .all_if_none = all};
    hv_status st = HV_OK;
    if (!mgmt) {
        nic_walk w = {.p_name = GN_NAME, .fn = emit_nic, .p_legacy = GN_LEGACY};
        /* a checkpoint given by name of parameter resolves to its VM, as from the pipeline */
        const hv_value *snap = hv_cmd_arg(cmd, GN_SNAPSHOT);
        if (!hvc_hv_is(input, &hvc_hv_cls_snap) && snap && snap->kind == HV_OBJECT)
            input = snap;
        st = hvc_hv_each_vm_or_snap(cmd, all ? NULL : input, &sel, walk_vm, &w);
    }
    if (st == HV_OK && (mgmt || all)) {
        size_t nc;
        char **comps = hvc_hv_arg_strv(cmd, GN_COMPUTER, &nc);
        char *name = hvc_hv_arg_str(cmd, GN_NAME), *sw = hvc_hv_arg_str(cmd, GN_SWITCH);
        for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
            hv_virt *v;
            st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v);
            if (st == HV_OK)
                st = emit_mgmt(cmd, v, name, sw);
        }
        hvc_hv_strv_free(comps, nc);
        free(name);
        free(sw);
    }
    return st;
}

/* ---- Set-VMNetworkAdapter ---- */
enum {
    SN_VMNAME,
    SN_ADAPTER,
    SN_VM,
    SN_MGMT,
    SN_NAME,
    SN_SPOOF,
    SN_STATICMAC,
    SN_DYNMAC,
    SN_DHCPGUARD,
    SN_ROUTERGUARD,
    SN_TEAMING,
    SN_NAMING,
    SN_MIRROR,
    SN_PRIOTAG,
    SN_VMQ,
    SN_MAXBW,
    SN_MINBW,
    SN_MINBWABS,
    SN_VRSS,
    SN_VMMQ,
    SN_PASSTHRU,
    SN_COMPUTER,
    SN_CRED,
    SN__N
};
const hv_param_def hvc_hv_set_vmnetworkadapter_params[] = {
    /* a single String in this cmdlet (STUB), unlike the other -VMName parameters:
     * `-VMName a,b` fails to bind; a wildcard still selects several VMs */
    [SN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Name of the virtual machine."},
    [SN_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                    .sets = HV_SET(2),
                    .help = "Adapter objects (Get-VMNetworkAdapter)."},
    [SN_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
               .sets = HV_SET(3),
               .help = "Virtual machine objects."},
    [SN_MGMT] = {.name = "ManagementOS",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "The host's adapters (not supported: they are bridges)."},
    [SN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .sets = HV_SET(0) | HV_SET(1) | HV_SET(3),
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Only the adapter with this name."},
    [SN_SPOOF] = P_ONOFF("MacAddressSpoofing",
                         "On = the guest may send other source MACs (no no-mac-spoofing "
                         "nwfilter); Off = filter present."),
    [SN_STATICMAC] = {.name = "StaticMacAddress",
                      .type = HV_PT_STRING,
                      .position = NAMED,
                      .sets = HV_SET(0) | HV_SET(2) | HV_SET(3),
                      .help = "A fixed MAC (00155D010203)."},
    [SN_DYNMAC] = {.name = "DynamicMacAddress",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .sets = HV_SET(0) | HV_SET(2) | HV_SET(3),
                   .help = "Back to a dynamic MAC."},
    [SN_DHCPGUARD] = P_ONOFF("DhcpGuard", "Recorded; not enforced on libvirt."),
    [SN_ROUTERGUARD] = P_ONOFF("RouterGuard", "Recorded; not enforced on libvirt."),
    [SN_TEAMING] = P_ONOFF("AllowTeaming", "Recorded; not enforced on libvirt."),
    [SN_NAMING] = P_ONOFF("DeviceNaming", "Recorded; not enforced on libvirt."),
    [SN_MIRROR] = {.name = "PortMirroring",
                   .type = HV_PT_ENUM,
                   .position = NAMED,
                   .enum_def = &hvc_hv_enum_portmirror,
                   .help = "Accepted; not enforced."},
    [SN_PRIOTAG] = P_ONOFF("IeeePriorityTag", "Recorded; not enforced on libvirt."),
    [SN_VMQ] = {.name = "VmqWeight",
                .type = HV_PT_UINT32,
                .position = NAMED,
                .help = "Accepted; not enforced on libvirt."},
    [SN_MAXBW] = {.name = "MaximumBandwidth",
                  .type = HV_PT_INT64,
                  .position = NAMED,
                  .help = "Accepted; not enforced on libvirt."},
    [SN_MINBW] = {.name = "MinimumBandwidthWeight",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Accepted; not enforced on libvirt."},
    [SN_MINBWABS] = {.name = "MinimumBandwidthAbsolute",
                     .type = HV_PT_INT64,
                     .position = NAMED,
                     .help = "Accepted; not enforced on libvirt."},
    [SN_VRSS] = {.name = "VrssEnabled",
                 .type = HV_PT_BOOL,
                 .position = NAMED,
                 .help = "Accepted; not enforced on libvirt."},
    [SN_VMMQ] = {.name = "VmmqEnabled",
                 .type = HV_PT_BOOL,
                 .position = NAMED,
                 .help = "Accepted; not enforced on libvirt."},
    [SN_PASSTHRU] = P_PASSTHRU,
    [SN_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(1)),
    [SN_CRED] = P_CREDENTIAL(HV_SET(0) | HV_SET(1)),
    [SN__N] = {.name = NULL},
};

typedef struct {
    hv_nic_set set;
    int p_passthru;
    const char *action;
} nic_change;

static hv_status
change_nic(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    nic_change *c = ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", nic->name, vm->name);
    if (!hv_should_process(cmd, target, c->action))
        return HV_OK;
    hv_eng_err err = {0};
    char mac[18];
    if (hv_virt_nic_set(v, vm->uuid, nic->mac, &c->set, mac, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, nic->name);
    if (c->p_passthru >= 0 && hv_cmd_switch(cmd, c->p_passthru))
        return emit_nic_now(cmd, v, vm->uuid, mac);
    return HV_OK;
}

static const hvc_hv_sel sn_sel = {.p_name = SN_VMNAME, .p_vm = SN_VM, .p_computer = SN_COMPUTER};

hv_status
hvc_hv_set_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    if (hv_cmd_switch(cmd, SN_MGMT))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "Set-VMNetworkAdapter -ManagementOS is not supported: the host's "
                            "adapter of a switch is its Linux bridge (use the Net* cmdlets).");
    nic_change c = {.set = {.mac_spoofing = -1, .vlan = -2, .connect = -1},
                    .p_passthru = SN_PASSTHRU,
                    .action = "Set-VMNetworkAdapter"};
    int32_t onoff;
    if (hvc_hv_arg_enum(cmd, SN_SPOOF, &hvc_hv_enum_onoff, &onoff))
        c.set.mac_spoofing = onoff == 0 ? 1 : 0;
    /* settings libvirt cannot enforce are recorded, so Get-/-Passthru report them */
    static const struct {
        int p;
        unsigned flag;
    } kept[] = {{SN_DHCPGUARD, HV_NIC_DHCPGUARD}, {SN_ROUTERGUARD, HV_NIC_ROUTERGUARD},
                {SN_TEAMING, HV_NIC_TEAMING},     {SN_NAMING, HV_NIC_DEVNAMING},
                {SN_PRIOTAG, HV_NIC_PRIOTAG}};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        if (hvc_hv_arg_enum(cmd, kept[k].p, &hvc_hv_enum_onoff, &onoff)) {
            if (onoff == 0)
                c.set.set_on |= kept[k].flag;
            else
                c.set.set_off |= kept[k].flag;
        }
    char *smac = hvc_hv_arg_str(cmd, SN_STATICMAC);
    c.set.static_mac = smac;
    c.set.dynamic_mac = hv_cmd_switch(cmd, SN_DYNMAC);
    hv_status st = HV_OK;
    if (smac && c.set.dynamic_mac)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                          "-StaticMacAddress and -DynamicMacAddress cannot be used together.");
    else
        st = each_nic(cmd, input, SN_ADAPTER, &sn_sel, SN_NAME, change_nic, &c);
    free(smac);
    return st;
}

/* ---- Rename-VMNetworkAdapter ---- */
enum {
    RN_VMNAME,
    RN_ADAPTER,
    RN_VM,
    RN_MGMT,
    RN_NAME,
    RN_NEWNAME,
    RN_PASSTHRU,
    RN_COMPUTER,
    RN__N
};
const hv_param_def hvc_hv_rename_vmnetworkadapter_params[] = {
    [RN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                   .sets = HV_SET(0),
                   .help = "Name of the virtual machine."},
    [RN_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(2),
                    .help = "Adapter objects."},
    [RN_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(3),
               .help = "Virtual machine objects."},
    [RN_MGMT] = {.name = "ManagementOS",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Not supported."},
    [RN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .sets = HV_SET(0) | HV_SET(1) | HV_SET(3),
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Current adapter name."},
    [RN_NEWNAME] = {.name = "NewName",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .flags = HV_PF_MANDATORY,
                    .help = "New adapter name."},
    [RN_PASSTHRU] = P_PASSTHRU,
    [RN_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(1)),
    [RN__N] = {.name = NULL},
};

hv_status
hvc_hv_rename_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    if (hv_cmd_switch(cmd, RN_MGMT))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "Renaming a management OS adapter is not supported; rename the "
                            "switch (Rename-VMSwitch).");
    char *nn = hvc_hv_arg_str(cmd, RN_NEWNAME);
    nic_change c = {.set = {.mac_spoofing = -1, .vlan = -2, .connect = -1, .new_name = nn},
                    .p_passthru = RN_PASSTHRU,
                    .action = "Rename-VMNetworkAdapter"};
    static const hvc_hv_sel sel = {.p_name = RN_VMNAME, .p_vm = RN_VM, .p_computer = RN_COMPUTER};
    hv_status st = each_nic(cmd, input, RN_ADAPTER, &sel, RN_NAME, change_nic, &c);
    free(nn);
    return st;
}

/* ---- Add-VMNetworkAdapter ---- */
enum {
    AN_VMNAME,
    AN_VM,
    AN_MGMT,
    AN_SWITCH,
    AN_NAME,
    AN_LEGACY,
    AN_STATICMAC,
    AN_DYNMAC,
    AN_NAMING,
    AN_POOL,
    AN_PASSTHRU,
    AN_COMPUTER,
    AN_CRED,
    AN__N
};
const hv_param_def hvc_hv_add_vmnetworkadapter_params[] = {
    [AN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines."},
    [AN_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(2),
               .help = "Virtual machine objects."},
    [AN_MGMT] = {.name = "ManagementOS",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Host adapters: not supported (the switch bridge is the host adapter)."},
    [AN_SWITCH] = {.name = "SwitchName", .complete = hvc_complete_switchname,
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Connects the adapter to this switch."},
    [AN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Adapter name (default \"Network Adapter\")."},
    [AN_LEGACY] = {.name = "IsLegacy",
                   .type = HV_PT_BOOL,
                   .position = NAMED,
                   .sets = HV_SET(0) | HV_SET(2),
                   .help = "An emulated (e1000) adapter."},
    [AN_STATICMAC] = {.name = "StaticMacAddress",
                      .type = HV_PT_STRING,
                      .position = NAMED,
                      .help = "A fixed MAC address."},
    [AN_DYNMAC] = {.name = "DynamicMacAddress",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "A generated MAC address (the default)."},
    [AN_NAMING] = P_ONOFF("DeviceNaming", "Accepted; not enforced on libvirt."),
    [AN_POOL] = {.name = "ResourcePoolName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .sets = HV_SET(0) | HV_SET(2),
                 .help = "Accepted for compatibility."},
    [AN_PASSTHRU] = P_PASSTHRU,
    [AN_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(1)),
    [AN_CRED] = P_CREDENTIAL(HV_SET(0) | HV_SET(1)),
    [AN__N] = {.name = NULL},
};

static hv_status
add_nic(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    char *sw = hvc_hv_arg_str(cmd, AN_SWITCH), *name = hvc_hv_arg_str(cmd, AN_NAME),
         *smac = hvc_hv_arg_str(cmd, AN_STATICMAC), *bridge = NULL, *network = NULL;
    bool found = true;
    hv_status st = HV_OK;
    if (sw)
        st = hvc_hv_resolve_switch(cmd, v, sw, &bridge, &network, &found);
    if (st == HV_OK && found && hv_should_process(cmd, vm->name, "Add-VMNetworkAdapter")) {
        hv_nic_spec s = {.name = name,
                         .static_mac = smac,
                         .bridge = bridge,
                         .network = network,
                         .switch_name = sw,
                         .legacy = hvc_hv_arg_bool(cmd, AN_LEGACY, 0) == 1};
        char mac[18];
        hv_eng_err err = {0};
        if (hv_virt_nic_add(v, vm->uuid, &s, mac, &err) < 0)
            st = hvc_hv_engine_error(cmd, &err, vm->name);
        else if (hv_cmd_switch(cmd, AN_PASSTHRU))
            st = emit_nic_now(cmd, v, vm->uuid, mac);
    }
    free(sw);
    free(name);
    free(smac);
    free(bridge);
    free(network);
    return st;
}

hv_status
hvc_hv_add_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    if (hv_cmd_switch(cmd, AN_MGMT))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "Add-VMNetworkAdapter -ManagementOS is not supported: each switch's "
                            "bridge is its one host adapter \"vEthernet (<switch>)\".");
    static const hvc_hv_sel sel = {.p_name = AN_VMNAME, .p_vm = AN_VM, .p_computer = AN_COMPUTER};
    return hvc_hv_each_vm(cmd, hvc_hv_is(input, &hvc_hv_cls_vm) ? input : NULL, &sel, add_nic,
                          NULL);
}

/* ---- Remove-VMNetworkAdapter ---- */
enum { RM_VMNAME, RM_ADAPTER, RM_MGMT, RM_VM, RM_NAME, RM_SWITCH, RM_PASSTHRU, RM_COMPUTER, RM__N };
const hv_param_def hvc_hv_remove_vmnetworkadapter_params[] = {
    [RM_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines."},
    [RM_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(1),
                    .help = "Adapter objects."},
    [RM_MGMT] = {.name = "ManagementOS",
                 .type = HV_PT_SWITCH,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(2),
                 .help = "Not supported."},
    [RM_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(3),
               .help = "Virtual machine objects."},
    [RM_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_WILDCARDS,
                 .sets = HV_SET(0) | HV_SET(2) | HV_SET(3),
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Adapters with this name."},
    [RM_SWITCH] = {.name = "SwitchName", .complete = hvc_complete_switchname,
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .sets = HV_SET(2),
                   .help = "Not supported."},
    [RM_PASSTHRU] = P_PASSTHRU,
    [RM_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(2)),
    [RM__N] = {.name = NULL},
};

static hv_status
remove_nic(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    (void)ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", nic->name, vm->name);
    if (!hv_should_process(cmd, target, "Remove-VMNetworkAdapter"))
        return HV_OK;
    hv_value snap = hv_cmd_switch(cmd, RM_PASSTHRU) ? hvc_hv_nic_obj(v, vm, nic) : hv_null();
    hv_eng_err err = {0};
    if (hv_virt_nic_remove(v, vm->uuid, nic->mac, &err) < 0) {
        hv_unref(snap);
        return hvc_hv_engine_error(cmd, &err, nic->name);
    }
    return snap.kind == HV_NULL ? HV_OK : hv_emit(cmd, snap);
}

hv_status
hvc_hv_remove_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    if (hv_cmd_switch(cmd, RM_MGMT))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "Remove-VMNetworkAdapter -ManagementOS is not supported; remove the "
                            "switch (Remove-VMSwitch).");
    static const hvc_hv_sel sel = {.p_name = RM_VMNAME, .p_vm = RM_VM, .p_computer = RM_COMPUTER};
    return each_nic(cmd, input, RM_ADAPTER, &sel, RM_NAME, remove_nic, NULL);
}

/* ---- Connect- / Disconnect-VMNetworkAdapter ---- */
enum { CN_VMNAME, CN_NAME, CN_SWITCHNAME, CN_ADAPTER, CN_SWITCH, CN_PASSTHRU, CN_COMPUTER, CN__N };
const hv_param_def hvc_hv_connect_vmnetworkadapter_params[] = {
    [CN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0) | HV_SET(3),
                   .help = "Names of the virtual machines."},
    [CN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0) | HV_SET(3),
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Adapter names."},
    /* positional after -VMName/-Name (@2) or after -VMNetworkAdapter (@1 there): positions
     * only order the positional parameters of a set, so one value serves both (STUB) */
    [CN_SWITCHNAME] = {.name = "SwitchName", .complete = hvc_complete_switchname,
                       .type = HV_PT_STRING,
                       .position = 2,
                       .flags = HV_PF_MANDATORY,
                       .sets = HV_SET(0) | HV_SET(1),
                       .help = "The switch to connect to."},
    [CN_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(1) | HV_SET(2),
                    .help = "Adapter objects."},
    [CN_SWITCH] = {.name = "VMSwitch",
                   .type = HV_PT_ANY,
                   .position = 2,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                   .sets = HV_SET(2) | HV_SET(3),
                   .help = "A switch object (Get-VMSwitch)."},
    [CN_PASSTHRU] = P_PASSTHRU,
    [CN_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(3)),
    [CN__N] = {.name = NULL},
};

static hv_status
connect_nic(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    nic_change *c = ud;
    char *sw = hvc_hv_arg_str(cmd, CN_SWITCHNAME);
    if (!sw)
        sw = hvc_hv_prop_str(hv_cmd_arg(cmd, CN_SWITCH), "Name");
    char *bridge = NULL, *network = NULL;
    bool found = false;
    hv_status st = hvc_hv_resolve_switch(cmd, v, sw ? sw : "", &bridge, &network, &found);
    if (st == HV_OK && found) {
        c->set.connect = 1;
        c->set.bridge = bridge;
        c->set.network = network;
        c->set.switch_name = sw;
        st = change_nic(cmd, v, vm, nic, c);
    }
    free(sw);
    free(bridge);
    free(network);
    return st;
}

hv_status
hvc_hv_connect_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    nic_change c = {.set = {.mac_spoofing = -1, .vlan = -2, .connect = 1},
                    .p_passthru = CN_PASSTHRU,
                    .action = "Connect-VMNetworkAdapter"};
    static const hvc_hv_sel sel = {.p_name = CN_VMNAME, .p_vm = -1, .p_computer = CN_COMPUTER};
    return each_nic(cmd, input, CN_ADAPTER, &sel, CN_NAME, connect_nic, &c);
}

enum { DN_VMNAME, DN_NAME, DN_ADAPTER, DN_PASSTHRU, DN_COMPUTER, DN__N };
const hv_param_def hvc_hv_disconnect_vmnetworkadapter_params[] = {
    [DN_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines."},
    [DN_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("VMNetworkAdapterName"),
                 .help = "Adapter names."},
    [DN_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(1),
                    .help = "Adapter objects."},
    [DN_PASSTHRU] = P_PASSTHRU,
    [DN_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [DN__N] = {.name = NULL},
};

hv_status
hvc_hv_disconnect_vmnetworkadapter_process(hv_cmd *cmd, const hv_value *input)
{
    nic_change c = {.set = {.mac_spoofing = -1, .vlan = -2, .connect = 0},
                    .p_passthru = DN_PASSTHRU,
                    .action = "Disconnect-VMNetworkAdapter"};
    static const hvc_hv_sel sel = {.p_name = DN_VMNAME, .p_vm = -1, .p_computer = DN_COMPUTER};
    return each_nic(cmd, input, DN_ADAPTER, &sel, DN_NAME, change_nic, &c);
}

/* ---- VLAN ---- */
static hv_value
vlan_obj(hv_virt *v, const hv_vm *vm, const hv_vm_nic *nic)
{
    hv_value o = hv_obj_new(&hvc_hv_cls_vlan);
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "VMNetworkAdapterName", hv_str(nic->name));
    hv_obj_set(&o, "OperationMode", hv_enum(&hvc_hv_enum_vlanmode, nic->vlan > 0 ? 1 : 0));
    hv_obj_set(&o, "AccessVlanId", hv_int(nic->vlan));
    hv_obj_set(&o, "NativeVlanId", hv_int(0));
    hv_obj_set(&o, "AllowedVlanIdList", hv_null());
    hv_obj_set(&o, "VlanList", nic->vlan > 0 ? hv_strf("%d", nic->vlan) : hv_str(""));
    hv_obj_set(&o, "ParentAdapter", hvc_hv_nic_obj(v, vm, nic));
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set_native(&o, v);
    return o;
}

enum { GL_VMNAME, GL_VM, GL_ADAPTER, GL_NAME, GL_COMPUTER, GL__N };
const hv_param_def hvc_hv_get_vmnetworkadaptervlan_params[] = {
    [GL_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines (all when omitted)."},
    [GL_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(1),
               .help = "Virtual machine objects."},
    [GL_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(2),
                    .help = "Adapter objects."},
    [GL_NAME] = {.name = "VMNetworkAdapterName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .sets = HV_SET(0) | HV_SET(1),
                 .help = "Adapter name."},
    [GL_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [GL__N] = {.name = NULL},
};

static hv_status
emit_vlan(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    (void)ud;
    return hv_emit(cmd, vlan_obj(v, vm, nic));
}

hv_status
hvc_hv_get_vmnetworkadaptervlan_process(hv_cmd *cmd, const hv_value *input)
{
    hvc_hv_sel sel = {
        .p_name = GL_VMNAME, .p_vm = GL_VM, .p_computer = GL_COMPUTER, .all_if_none = true};
    return each_nic(cmd, input, GL_ADAPTER, &sel, GL_NAME, emit_vlan, NULL);
}

enum {
    SL_VMNAME,
    SL_ADAPTER,
    SL_VM,
    SL_NAME,
    SL_ACCESS,
    SL_UNTAGGED,
    SL_TRUNK,
    SL_VLANID,
    SL_NATIVE,
    SL_ALLOWED,
    SL_PASSTHRU,
    SL_COMPUTER,
    SL__N
};
const hv_param_def hvc_hv_set_vmnetworkadaptervlan_params[] = {
    [SL_VMNAME] = {.name = "VMName", .complete = hvc_complete_vmname,
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .sets = HV_SET(0),
                   .help = "Names of the virtual machines."},
    [SL_ADAPTER] = {.name = "VMNetworkAdapter",
                    .type = HV_PT_ANY,
                    .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(1),
                    .help = "Adapter objects."},
    [SL_VM] = {.name = "VM",
               .type = HV_PT_ANY,
               .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
               .sets = HV_SET(2),
               .help = "Virtual machine objects."},
    [SL_NAME] = {.name = "VMNetworkAdapterName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .sets = HV_SET(0) | HV_SET(2),
                 .help = "Adapter name."},
    [SL_ACCESS] = {.name = "Access",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Access mode: untagged traffic in -VlanId."},
    [SL_UNTAGGED] = {.name = "Untagged",
                     .type = HV_PT_SWITCH,
                     .position = NAMED,
                     .help = "No VLAN."},
    [SL_TRUNK] = {.name = "Trunk",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Trunk mode (not supported on a Linux bridge port here)."},
    [SL_VLANID] = {.name = "VlanId",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .aliases = A("AccessVlanId"),
                   .help = "VLAN ID, 1-4094."},
    [SL_NATIVE] = {.name = "NativeVlanId",
                   .type = HV_PT_INT32,
                   .position = NAMED,
                   .help = "Trunk native VLAN (not supported)."},
    [SL_ALLOWED] = {.name = "AllowedVlanIdList",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .help = "Trunk VLAN list (not supported)."},
    [SL_PASSTHRU] = P_PASSTHRU,
    [SL_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [SL__N] = {.name = NULL},
};

static hv_status
set_vlan(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_vm_nic *nic, void *ud)
{
    nic_change *c = ud;
    char target[512];
    snprintf(target, sizeof target, "%s (%s)", nic->name, vm->name);
    if (!hv_should_process(cmd, target, "Set-VMNetworkAdapterVlan"))
        return HV_OK;
    hv_eng_err err = {0};
    char mac[18];
    if (hv_virt_nic_set(v, vm->uuid, nic->mac, &c->set, mac, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, nic->name);
    if (!hv_cmd_switch(cmd, SL_PASSTHRU))
        return HV_OK;
    hv_vm now;
    if (hv_virt_get_vm(v, vm->uuid, &now, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    hv_status st = HV_OK;
    for (size_t i = 0; i < now.n_nics; i++)
        if (!strcasecmp(now.nics[i].mac, mac))
            st = hv_emit(cmd, vlan_obj(v, &now, &now.nics[i]));
    hv_virt_vm_clear(&now);
    return st;
}

hv_status
hvc_hv_set_vmnetworkadaptervlan_process(hv_cmd *cmd, const hv_value *input)
{
    bool access = hv_cmd_switch(cmd, SL_ACCESS), untagged = hv_cmd_switch(cmd, SL_UNTAGGED);
    if (hv_cmd_switch(cmd, SL_TRUNK) || hv_cmd_bound(cmd, SL_NATIVE) ||
        hv_cmd_bound(cmd, SL_ALLOWED))
        return hvc_hv_error(cmd, HV_CAT_NotImplemented, "NotSupported", NULL,
                            "Trunk mode is not supported; use -Access -VlanId or -Untagged.");
    if (access == untagged)
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "Specify exactly one of -Access or -Untagged.");
    int64_t id = hvc_hv_arg_int(cmd, SL_VLANID, 0);
    if (access && (id < 1 || id > 4094))
        return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", NULL,
                            "The VLAN ID %lld is out of range. The range is 1 through 4094.",
                            (long long)id);
    nic_change c = {.set = {.mac_spoofing = -1, .vlan = access ? (int)id : 0, .connect = -1},
                    .p_passthru = -1,
                    .action = "Set-VMNetworkAdapterVlan"};
    static const hvc_hv_sel sel = {.p_name = SL_VMNAME, .p_vm = SL_VM, .p_computer = SL_COMPUTER};
    return each_nic(cmd, input, SL_ADAPTER, &sel, SL_NAME, set_vlan, &c);
}

/* ==== switches ==== */
static hv_status
switch_not_found(hv_cmd *cmd, const char *name)
{
    return hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", name,
                        "Hyper-V was unable to find a virtual switch with name \"%s\".", name);
}

static hv_status
nl_error(hv_cmd *cmd, const hv_eng_err *err, const char *target)
{
    hv_err_category cat =
        err->sys_errno == 1 || err->sys_errno == 13 ? HV_CAT_PermissionDenied : HV_CAT_NotSpecified;
    return hvc_hv_error(cmd, cat, "HostNetworking", target, "%s", err->msg);
}

/* Switches a selection addresses: -Name (wildcards), -VMSwitch objects or pipeline input. */
typedef hv_status (*sw_fn)(hv_cmd *cmd, hv_virt *v, const hv_switch *sw, void *ud);

static hv_status
each_switch(hv_cmd *cmd, const hv_value *input, int p_name, int p_obj, int p_computer,
            bool all_if_none, sw_fn fn, void *ud)
{
    size_t nn = 0, nc = 0;
    char **names = NULL;
    const hv_value *objs = p_obj >= 0 ? hv_cmd_arg(cmd, p_obj) : NULL;
    if (hvc_hv_is(input, &hvc_hv_cls_switch)) {
        names = hv_xcalloc(2, sizeof *names);
        names[0] = hvc_hv_prop_str(input, "Name");
        nn = 1;
    } else if (objs && objs->kind != HV_NULL) {
        size_t n = objs->kind == HV_ARRAY ? hv_array_len(objs) : 1;
        names = hv_xcalloc(n + 1, sizeof *names);
        for (size_t i = 0; i < n; i++) {
            char *s = hvc_hv_prop_str(objs->kind == HV_ARRAY ? hv_array_at(objs, i) : objs, "Name");
            if (s)
                names[nn++] = s;
        }
    } else if (p_name >= 0) {
        names = hvc_hv_arg_strv(cmd, p_name, &nn);
    }
    char **comps = p_computer >= 0 ? hvc_hv_arg_strv(cmd, p_computer, &nc) : NULL;
    hv_status st = HV_OK;
    for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
        hv_virt *v;
        if ((st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v)) != HV_OK)
            break;
        hv_switch *sw;
        size_t n;
        hv_eng_err err = {0};
        if (hv_virt_switch_list(v, &sw, &n, &err) < 0) {
            st = hvc_hv_engine_error(cmd, &err, NULL);
            break;
        }
        bool *take = hv_xcalloc(n + 1, sizeof *take);
        for (size_t k = 0; k < nn && st == HV_OK; k++) {
            bool any = false;
            for (size_t i = 0; i < n; i++)
                if (hv_wildcard_match(names[k], sw[i].name, false))
                    take[i] = any = true;
            if (!any && !hv_wildcard_has_meta(names[k]))
                st = switch_not_found(cmd, names[k]);
        }
        for (size_t i = 0; i < n && st == HV_OK; i++)
            if (take[i] || (!nn && all_if_none))
                st = fn(cmd, v, &sw[i], ud);
        free(take);
        hv_virt_switches_free(sw, n);
    }
    hvc_hv_strv_free(names, nn);
    hvc_hv_strv_free(comps, nc);
    return st;
}

/* ---- Get-VMSwitch ---- */
enum { GS_NAME, GS_ID, GS_POOL, GS_TYPE, GS_COMPUTER, GS_CRED, GS__N };
const hv_param_def hvc_hv_get_vmswitch_params[] = {
    [GS_NAME] = {.name = "Name", .complete = hvc_complete_switchname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("SwitchName"),
                 .help = "Switch name."},
    [GS_ID] = {.name = "Id",
               .type = HV_PT_STRING,
               .position = 0,
               .flags = HV_PF_ARRAY,
               .sets = HV_SET(1),
               .aliases = A("SwitchId"),
               .help = "Switch IDs."},
    [GS_POOL] = {.name = "ResourcePoolName",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY,
                 .help = "Accepted for compatibility."},
    [GS_TYPE] = {.name = "SwitchType",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .flags = HV_PF_ARRAY,
                 .enum_def = &hvc_hv_enum_switchtype,
                 .help = "Only switches of these types."},
    [GS_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [GS_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [GS__N] = {.name = NULL},
};

static hv_status
emit_switch(hv_cmd *cmd, hv_virt *v, const hv_switch *sw, void *ud)
{
    (void)ud;
    const hv_value *types = hv_cmd_arg(cmd, GS_TYPE);
    if (types && types->kind != HV_NULL) {
        bool ok = false;
        size_t n = types->kind == HV_ARRAY ? hv_array_len(types) : 1;
        for (size_t i = 0; i < n && !ok; i++) {
            const hv_value *t = types->kind == HV_ARRAY ? hv_array_at(types, i) : types;
            int32_t val = -1;
            if (t->kind == HV_ENUM)
                val = t->aux;
            else {
                hv_value s = hv_conv_to_string(t, NULL);
                hv_enum_parse(&hvc_hv_enum_switchtype, hv_str_cstr(&s), &val);
                hv_unref(s);
            }
            ok = val == (int32_t)sw->type;
        }
        if (!ok)
            return HV_OK;
    }
    if (hv_cmd_bound(cmd, GS_ID)) {
        size_t n;
        char **ids = hvc_hv_arg_strv(cmd, GS_ID, &n);
        bool ok = false;
        for (size_t i = 0; i < n; i++)
            ok = ok || !strcasecmp(ids[i], sw->uuid);
        hvc_hv_strv_free(ids, n);
        if (!ok)
            return HV_OK;
    }
    return hv_emit(cmd, hvc_hv_switch_obj(v, sw));
}

hv_status
hvc_hv_get_vmswitch_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return each_switch(cmd, NULL, GS_NAME, -1, GS_COMPUTER, true, emit_switch, NULL);
}

/* ---- New-VMSwitch ---- */
enum {
    NS_NAME,
    NS_ADAPTER,
    NS_ADAPTERDESC,
    NS_TYPE,
    NS_ALLOWMGMT,
    NS_NOTES,
    NS_BWMODE,
    NS_IOV,
    NS_PACKETDIRECT,
    NS_TEAMING,
    NS_ID,
    NS_COMPUTER,
    NS_CRED,
    NS__N
};
const hv_param_def hvc_hv_new_vmswitch_params[] = {
    [NS_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .aliases = A("SwitchName"),
                 .help = "Name of the switch."},
    [NS_ADAPTER] = {.name = "NetAdapterName",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .sets = HV_SET(0),
                    .aliases = A("InterfaceAlias"),
                    .help = "The host NIC to bridge (makes an External switch)."},
    [NS_ADAPTERDESC] = {.name = "NetAdapterInterfaceDescription",
                        .type = HV_PT_STRING,
                        .position = NAMED,
                        .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                        .sets = HV_SET(1),
                        .aliases = A("InterfaceDescription"),
                        .help = "The host NIC by description (External switch)."},
    [NS_TYPE] = {.name = "SwitchType",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(2),
                 .accepted = A("Internal", "Private"),
                 .enum_def = &hvc_hv_enum_switchtype,
                 .help = "Internal (host adapter vEthernet (<Name>)) or Private."},
    [NS_ALLOWMGMT] = {.name = "AllowManagementOS",
                      .type = HV_PT_BOOL,
                      .position = NAMED,
                      .sets = HV_SET(0) | HV_SET(1),
                      .help = "External: the host keeps its addresses on the bridge."},
    [NS_NOTES] = {.name = "Notes", .type = HV_PT_STRING, .position = NAMED, .help = "Notes."},
    [NS_BWMODE] = {.name = "MinimumBandwidthMode",
                   .type = HV_PT_ENUM,
                   .position = NAMED,
                   .enum_def = &hvc_hv_enum_bandwidth,
                   .help = "Accepted for compatibility."},
    [NS_IOV] = {.name = "EnableIov",
                .type = HV_PT_BOOL,
                .position = NAMED,
                .help = "Accepted for compatibility."},
    [NS_PACKETDIRECT] = {.name = "EnablePacketDirect",
                         .type = HV_PT_BOOL,
                         .position = NAMED,
                         .help = "Accepted for compatibility."},
    [NS_TEAMING] = {.name = "EnableEmbeddedTeaming",
                    .type = HV_PT_BOOL,
                    .position = NAMED,
                    .help = "Accepted for compatibility."},
    [NS_ID] = {.name = "Id",
               .type = HV_PT_STRING,
               .position = NAMED,
               .aliases = A("SwitchId"),
               .help = "Accepted for compatibility."},
    [NS_COMPUTER] = P_COMPUTER(HV_ALL_SETS),
    [NS_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [NS__N] = {.name = NULL},
};

/* Creates the host bridge (local real hosts only), then the libvirt mirror; undoes the
 * bridge if the mirror fails. */
static hv_status
new_switch_on(hv_cmd *cmd, hv_virt *v, const char *name, hv_sw_type type, const char *adapter,
              bool allow_mgmt, const char *notes)
{
    hv_switch *sw;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_switch_list(v, &sw, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, name);
    bool exists = hvc_hv_find_switch(sw, n, name) != NULL;
    hv_virt_switches_free(sw, n);
    if (exists)
        return hvc_hv_error(cmd, HV_CAT_ResourceExists, "ObjectAlreadyExists", name,
                            "A virtual switch named \"%s\" already exists; libvirt requires "
                            "unique switch names.",
                            name);
    if (hv_virt_check_name("virtual switch", name, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, name);
    if (!hv_should_process(cmd, name, "New-VMSwitch"))
        return HV_OK;
    char ifname[HV_NL_IFNAMSIZ];
    hv_nl_switch_ifname(name, ifname);
    bool host = host_side(v, cmd, NS_COMPUTER);
    hv_nl *nl = NULL;
    if (host) {
        hv_nl_link link;
        if (hv_nl_open(&nl, &err) < 0 || hv_nl_switch_create(nl, name, &link, &err) < 0) {
            if (nl)
                hv_nl_close(nl);
            return nl_error(cmd, &err, name);
        }
        snprintf(ifname, sizeof ifname, "%s", link.name);
        if (adapter && hv_nl_switch_attach(nl, name, adapter, allow_mgmt, &err) < 0) {
            hv_status st = nl_error(cmd, &err, adapter);
            hv_nl_switch_delete(nl, name, NULL);
            hv_nl_close(nl);
            return st;
        }
    }
    hv_switch s = {.name = (char *)name,
                   .type = type,
                   .bridge = ifname,
                   .net_adapter = (char *)adapter,
                   .allow_management_os = type == HV_SW_INTERNAL || allow_mgmt,
                   .notes = (char *)notes};
    char uuid[37];
    hv_status st = HV_OK;
    if (hv_virt_switch_define(v, &s, uuid, &err) < 0) {
        st = hvc_hv_engine_error(cmd, &err, name);
        if (nl) { /* nothing half-done: the bridge goes again */
            if (adapter)
                hv_nl_switch_detach(nl, name, adapter, allow_mgmt, NULL);
            hv_nl_switch_delete(nl, name, NULL);
        }
    }
    if (nl)
        hv_nl_close(nl);
    if (st != HV_OK)
        return st;
    if (hv_virt_switch_list(v, &sw, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, name);
    const hv_switch *made = hvc_hv_find_switch(sw, n, name);
    st = made ? hv_emit(cmd, hvc_hv_switch_obj(v, made)) : HV_OK;
    hv_virt_switches_free(sw, n);
    return st;
}

hv_status
hvc_hv_new_vmswitch_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    char *name = hvc_hv_arg_str(cmd, NS_NAME), *adapter = hvc_hv_arg_str(cmd, NS_ADAPTER),
         *notes = hvc_hv_arg_str(cmd, NS_NOTES);
    if (!adapter)
        adapter = hvc_hv_arg_str(cmd, NS_ADAPTERDESC);
    int32_t type = adapter ? HV_SW_EXTERNAL : HV_SW_INTERNAL;
    if (!adapter)
        hvc_hv_arg_enum(cmd, NS_TYPE, &hvc_hv_enum_switchtype, &type);
    bool allow = hvc_hv_arg_bool(cmd, NS_ALLOWMGMT, 1) == 1;
    size_t nc;
    char **comps = hvc_hv_arg_strv(cmd, NS_COMPUTER, &nc);
    hv_status st = HV_OK;
    for (size_t c = 0; c < (nc ? nc : 1) && st == HV_OK; c++) {
        hv_virt *v;
        st = hvc_hv_connect(cmd, nc ? comps[c] : NULL, &v);
        if (st == HV_OK)
            st = new_switch_on(cmd, v, name ? name : "", (hv_sw_type)type, adapter,
                               type == HV_SW_EXTERNAL && allow, notes);
    }
    hvc_hv_strv_free(comps, nc);
    free(name);
    free(adapter);
    free(notes);
    return st;
}

/* Adapters on a switch follow it: disconnected when it goes, moved when it is renamed. Each
 * VM is recorded in the journal before its change, so a later failure can put it back. */
static int
retarget_nics(hv_virt *v, const char *switch_name, const char *new_network, hv_virt_undo *undo,
              hv_eng_err *err)
{
    hv_vm *vms;
    size_t n;
    if (hv_virt_list_vms(v, &vms, &n, err) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        for (size_t k = 0; k < vms[i].n_nics && rc == 0; k++) {
            const hv_vm_nic *nic = &vms[i].nics[k];
            if (!nic->switch_name || hv_str_cmp_ci(nic->switch_name, switch_name))
                continue;
            if (new_network && !nic->network)
                continue; /* bridge-attached adapters keep working: the bridge stays */
            hv_nic_set s = {.mac_spoofing = -1,
                            .vlan = -2,
                            .connect = new_network ? 1 : 0,
                            .network = new_network};
            if (hv_virt_undo_vm(undo, vms[i].uuid, err) < 0 ||
                hv_virt_nic_set(v, vms[i].uuid, nic->mac, &s, NULL, err) < 0)
                rc = -1;
        }
    hv_virt_vms_free(vms, n);
    return rc;
}

/* ---- Remove-VMSwitch ---- */
enum { RS_NAME, RS_OBJ, RS_POOL, RS_FORCE, RS_COMPUTER, RS_CRED, RS__N };
const hv_param_def hvc_hv_remove_vmswitch_params[] = {
    [RS_NAME] = {.name = "Name", .complete = hvc_complete_switchname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0),
                 .aliases = A("SwitchName"),
                 .help = "Switch names."},
    [RS_OBJ] = {.name = "VMSwitch",
                .type = HV_PT_ANY,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                .sets = HV_SET(1),
                .help = "Switch objects (Get-VMSwitch)."},
    [RS_POOL] = {.name = "ResourcePoolName",
                 .type = HV_PT_STRING,
                 .position = 1,
                 .flags = HV_PF_ARRAY,
                 .help = "Accepted for compatibility."},
    [RS_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Removes without asking."},
    [RS_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [RS_CRED] = P_CREDENTIAL(HV_SET(0)),
    [RS__N] = {.name = NULL},
};

static hv_status
remove_switch(hv_cmd *cmd, hv_virt *v, const hv_switch *sw, void *ud)
{
    (void)ud;
    if (!hv_should_process(cmd, sw->name, "Remove-VMSwitch"))
        return HV_OK;
    /* Steps: adapters disconnected (while the switch still resolves their bridge), the
     * libvirt network undefined, then the host bridge released and deleted. Each libvirt
     * object is recorded before it changes; when a step fails, the done ones are undone. */
    hv_eng_err err = {0};
    hv_virt_undo *undo = hv_virt_undo_new(v);
    hv_status st = HV_OK;
    if (hv_virt_undo_switch(undo, sw->name, &err) < 0 ||
        retarget_nics(v, sw->name, NULL, undo, &err) < 0 ||
        hv_virt_switch_undefine(v, sw->name, &err) < 0)
        st = hvc_hv_engine_error(cmd, &err, sw->name);
    if (st == HV_OK && sw->is_mirror && host_side(v, cmd, RS_COMPUTER)) {
        hv_nl *nl;
        if (hv_nl_open(&nl, &err) < 0) {
            st = nl_error(cmd, &err, sw->name);
        } else {
            bool external = sw->type == HV_SW_EXTERNAL;
            int r = external ? hv_nl_switch_detach(nl, sw->name, NULL, sw->allow_management_os,
                                                   &err)
                             : 0;
            if (r == 0 && hv_nl_switch_delete(nl, sw->name, &err) < 0) {
                r = -1;
                if (external && sw->net_adapter) /* the uplink goes back onto the bridge */
                    hv_nl_switch_attach(nl, sw->name, sw->net_adapter, sw->allow_management_os,
                                        NULL);
            }
            hv_nl_close(nl);
            /* a bridge already gone (deleted by hand) is what was wanted */
            if (r < 0 && err.code != HV_ENG_NOT_FOUND)
                st = nl_error(cmd, &err, sw->name);
        }
    }
    if (st != HV_OK)
        hv_virt_undo_rollback(undo);
    hv_virt_undo_free(undo);
    return st;
}

hv_status
hvc_hv_remove_vmswitch_process(hv_cmd *cmd, const hv_value *input)
{
    return each_switch(cmd, input, RS_NAME, RS_OBJ, RS_COMPUTER, false, remove_switch, NULL);
}

/* ---- Set-VMSwitch ---- */
enum {
    SS_NAME,
    SS_OBJ,
    SS_ADAPTER,
    SS_TYPE,
    SS_ALLOWMGMT,
    SS_NOTES,
    SS_PASSTHRU,
    SS_COMPUTER,
    SS_CRED,
    SS__N
};
const hv_param_def hvc_hv_set_vmswitch_params[] = {
    [SS_NAME] = {.name = "Name", .complete = hvc_complete_switchname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(0) | HV_SET(2),
                 .aliases = A("SwitchName"),
                 .help = "Switch names."},
    [SS_OBJ] = {.name = "VMSwitch",
                .type = HV_PT_ANY,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                .sets = HV_SET(1) | HV_SET(3),
                .help = "Switch objects."},
    [SS_ADAPTER] = {.name = "NetAdapterName",
                    .type = HV_PT_STRING,
                    .position = 1,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                    .sets = HV_SET(2) | HV_SET(3),
                    .aliases = A("InterfaceAlias"),
                    .help = "Binds the switch to this NIC (External)."},
    [SS_TYPE] = {.name = "SwitchType",
                 .type = HV_PT_ENUM,
                 .position = NAMED,
                 .sets = HV_SET(0) | HV_SET(1),
                 .enum_def = &hvc_hv_enum_switchtype,
                 .help = "Private, Internal or External."},
    [SS_ALLOWMGMT] = {.name = "AllowManagementOS",
                      .type = HV_PT_BOOL,
                      .position = NAMED,
                      .help = "External: the host keeps an adapter on the switch."},
    [SS_NOTES] = {.name = "Notes", .type = HV_PT_STRING, .position = NAMED, .help = "Notes."},
    [SS_PASSTHRU] = P_PASSTHRU,
    [SS_COMPUTER] = P_COMPUTER(HV_SET(0) | HV_SET(2)),
    [SS_CRED] = P_CREDENTIAL(HV_SET(0) | HV_SET(2)),
    [SS__N] = {.name = NULL},
};

static hv_status
emit_switch_named(hv_cmd *cmd, hv_virt *v, const char *name)
{
    hv_switch *sw;
    size_t n;
    hv_eng_err err = {0};
    if (hv_virt_switch_list(v, &sw, &n, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, name);
    const hv_switch *s = hvc_hv_find_switch(sw, n, name);
    hv_status st = s ? hv_emit(cmd, hvc_hv_switch_obj(v, s)) : HV_OK;
    hv_virt_switches_free(sw, n);
    return st;
}

static hv_status
set_switch(hv_cmd *cmd, hv_virt *v, const hv_switch *sw, void *ud)
{
    (void)ud;
    hv_switch s = *sw;
    char *adapter = hvc_hv_arg_str(cmd, SS_ADAPTER), *notes = hvc_hv_arg_str(cmd, SS_NOTES);
    int32_t type = (int32_t)sw->type;
    hvc_hv_arg_enum(cmd, SS_TYPE, &hvc_hv_enum_switchtype, &type);
    if (adapter)
        type = HV_SW_EXTERNAL;
    hv_status st = HV_OK;
    if (type == HV_SW_EXTERNAL && !adapter && !sw->net_adapter)
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", sw->name,
                          "An External switch needs a network adapter: use -NetAdapterName.");
    if (st != HV_OK || !hv_should_process(cmd, sw->name, "Set-VMSwitch"))
        goto out;
    s.type = (hv_sw_type)type;
    int am = hvc_hv_arg_bool(cmd, SS_ALLOWMGMT, -1);
    s.allow_management_os = type == HV_SW_INTERNAL  ? true
                            : type == HV_SW_PRIVATE ? false
                            : am >= 0               ? am == 1
                                                    : sw->allow_management_os;
    s.net_adapter = type == HV_SW_EXTERNAL ? (adapter ? adapter : sw->net_adapter) : NULL;
    if (notes)
        s.notes = notes;
    hv_eng_err err = {0};
    if (sw->is_mirror && host_side(v, cmd, SS_COMPUTER)) {
        hv_nl *nl;
        if (hv_nl_open(&nl, &err) < 0) {
            st = nl_error(cmd, &err, sw->name);
            goto out;
        }
        int r = 0;
        bool was_ext = sw->type == HV_SW_EXTERNAL && sw->net_adapter;
        bool changes_uplink = was_ext && (type != HV_SW_EXTERNAL ||
                                          (adapter && hv_str_cmp_ci(adapter, sw->net_adapter)));
        if (changes_uplink)
            r = hv_nl_switch_detach(nl, sw->name, sw->net_adapter, sw->allow_management_os, &err);
        if (r == 0 && adapter && (!was_ext || changes_uplink))
            r = hv_nl_switch_attach(nl, sw->name, adapter, s.allow_management_os, &err);
        hv_nl_close(nl);
        if (r < 0) {
            st = nl_error(cmd, &err, sw->name);
            goto out;
        }
    }
    if (hv_virt_switch_update(v, sw->name, &s, &err) < 0)
        st = hvc_hv_engine_error(cmd, &err, sw->name);
    else if (hv_cmd_switch(cmd, SS_PASSTHRU))
        st = emit_switch_named(cmd, v, sw->name);
out:
    free(adapter);
    free(notes);
    return st;
}

hv_status
hvc_hv_set_vmswitch_process(hv_cmd *cmd, const hv_value *input)
{
    return each_switch(cmd, input, SS_NAME, SS_OBJ, SS_COMPUTER, false, set_switch, NULL);
}

/* ---- Rename-VMSwitch ---- */
enum { RW_NAME, RW_OBJ, RW_NEWNAME, RW_PASSTHRU, RW_COMPUTER, RW__N };
const hv_param_def hvc_hv_rename_vmswitch_params[] = {
    [RW_NAME] = {.name = "Name", .complete = hvc_complete_switchname,
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(0),
                 .aliases = A("SwitchName"),
                 .help = "Current name."},
    [RW_OBJ] = {.name = "VMSwitch",
                .type = HV_PT_ANY,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                .sets = HV_SET(1),
                .help = "A switch object."},
    [RW_NEWNAME] = {.name = "NewName",
                    .type = HV_PT_STRING,
                    .position = 1,
                    .flags = HV_PF_MANDATORY,
                    .help = "New name."},
    [RW_PASSTHRU] = P_PASSTHRU,
    [RW_COMPUTER] = P_COMPUTER(HV_SET(0)),
    [RW__N] = {.name = NULL},
};

static hv_status
rename_switch(hv_cmd *cmd, hv_virt *v, const hv_switch *sw, void *ud)
{
    const char *nn = ud;
    hv_eng_err err = {0};
    if (hv_virt_check_name("virtual switch", nn, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, nn);
    if (!hv_should_process(cmd, sw->name, "Rename-VMSwitch"))
        return HV_OK;
    hv_switch s = *sw;
    s.name = (char *)nn;
    /* Steps: the host bridge's alias, the libvirt network (renamed with its UUID kept: the
     * engine undoes its own half-done rename), then the adapters of a libvirt-made network. */
    bool host = sw->is_mirror && host_side(v, cmd, RW_COMPUTER);
    if (host) {
        hv_nl *nl;
        if (hv_nl_open(&nl, &err) < 0)
            return nl_error(cmd, &err, sw->name);
        int r = hv_nl_switch_rename(nl, sw->name, nn, &err);
        hv_nl_close(nl);
        if (r < 0)
            return nl_error(cmd, &err, sw->name);
    }
    hv_virt_undo *undo = hv_virt_undo_new(v);
    hv_status st = HV_OK;
    if (hv_virt_undo_switch(undo, sw->name, &err) < 0 ||
        hv_virt_switch_update(v, sw->name, &s, &err) < 0 ||
        (!sw->is_mirror && retarget_nics(v, sw->name, nn, undo, &err) < 0)) {
        st = hvc_hv_engine_error(cmd, &err, sw->name);
        hv_virt_undo_rollback(undo);
        hv_nl *nl;
        if (host && hv_nl_open(&nl, NULL) == 0) { /* the alias back */
            hv_nl_switch_rename(nl, nn, sw->name, NULL);
            hv_nl_close(nl);
        }
    }
    hv_virt_undo_free(undo);
    if (st == HV_OK && hv_cmd_switch(cmd, RW_PASSTHRU))
        st = emit_switch_named(cmd, v, nn);
    return st;
}

hv_status
hvc_hv_rename_vmswitch_process(hv_cmd *cmd, const hv_value *input)
{
    char *nn = hvc_hv_arg_str(cmd, RW_NEWNAME);
    const hv_value *obj = hv_cmd_arg(cmd, RW_OBJ);
    hv_status st = each_switch(cmd, hvc_hv_is(input, &hvc_hv_cls_switch) ? input : obj, RW_NAME, -1,
                               RW_COMPUTER, false, rename_switch, nn ? nn : (char *)"");
    free(nn);
    return st;
}
