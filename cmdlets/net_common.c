/* net_common.c — object classes, argument helpers and errors shared by the networking
 * cmdlets (net.h). */
#include "cmdlets/net.h"

#include <errno.h>
#include <linux/capability.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

/* ================================ object classes ================================ */

#define L(lbl, prop, w) {.label = lbl, .property = prop, .width = w, .align = -1}
#define R(lbl, prop, w) {.label = lbl, .property = prop, .width = w, .align = 1}

/* Widths from the CDXML format files as their output shows them (Get-NetAdapter,
 * Get-NetRoute, Get-NetIPInterface, Get-DnsClientServerAddress transcripts). */
static const hv_view_column adapter_view[] = {
    L("Name", "Name", 25), L("InterfaceDescription", "InterfaceDescription", 39),
    R("ifIndex", "ifIndex", 7), L("Status", "Status", 12), L("MacAddress", "MacAddress", 19),
    R("LinkSpeed", "LinkSpeed", 12), {0}};
static const char *const adapter_bases[] = {
    HVC_NET_CIM "CIM_NetworkPort", HVC_NET_CIM "CIM_LogicalPort",
    "Microsoft.Management.Infrastructure.CimInstance#MSFT_NetAdapter",
    "Microsoft.Management.Infrastructure.CimInstance", "System.Object", NULL};
const hv_obj_class hvc_net_cls_adapter = {.type_name = HVC_NET_CIM "MSFT_NetAdapter",
                                          .base_types = adapter_bases,
                                          .table_view = adapter_view};

static const char *const ipaddr_list[] = {
    "IPAddress", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "Type", "PrefixLength",
    "PrefixOrigin", "SuffixOrigin", "AddressState", "ValidLifetime", "PreferredLifetime",
    "SkipAsSource", "PolicyStore", NULL};
static const char *const ipaddr_bases[] = {
    "Microsoft.Management.Infrastructure.CimInstance#MSFT_NetIPAddress",
    "Microsoft.Management.Infrastructure.CimInstance", "System.Object", NULL};
/* Format-Table's view (the default display is the list above) */
static const char *const ipaddr_table[] = {"ifIndex", "IPAddress", "PrefixLength", "PrefixOrigin",
                                           "SuffixOrigin", "AddressState", "PolicyStore", NULL};
const hv_obj_class hvc_net_cls_ipaddr = {.type_name = HVC_NET_CIM "MSFT_NetIPAddress",
                                         .base_types = ipaddr_bases, .list_view = ipaddr_list,
                                         .default_props = ipaddr_table};

static const hv_view_column route_view[] = {
    L("ifIndex", "ifIndex", 7), L("DestinationPrefix", "DestinationPrefix", 46),
    L("NextHop", "NextHop", 40), R("RouteMetric", "RouteMetric", 11),
    L("ifMetric", "ifMetric", 8), L("PolicyStore", "PolicyStore", 0), {0}};
const hv_obj_class hvc_net_cls_route = {.type_name = HVC_NET_CIM "MSFT_NetRoute",
                                        .table_view = route_view};

static const hv_view_column ipif_view[] = {
    L("ifIndex", "ifIndex", 7), L("InterfaceAlias", "InterfaceAlias", 31),
    L("AddressFamily", "AddressFamily", 13), R("NlMtu(Bytes)", "NlMtu", 12),
    R("InterfaceMetric", "InterfaceMetric", 15), L("Dhcp", "Dhcp", 8),
    L("ConnectionState", "ConnectionState", 15), L("PolicyStore", "PolicyStore", 0), {0}};
const hv_obj_class hvc_net_cls_ipif = {.type_name = HVC_NET_CIM "MSFT_NetIPInterface",
                                       .table_view = ipif_view};

static const char *const ipconfig_list[] = {
    "InterfaceAlias", "InterfaceIndex", "InterfaceDescription", "NetProfile.Name",
    "IPv4Address", "IPv6DefaultGateway", "IPv4DefaultGateway", "DNSServer", NULL};
const hv_obj_class hvc_net_cls_ipconfig = {
    .type_name = "NetIPConfiguration", .list_view = ipconfig_list};

static const char *const nat_list[] = {
    "Name", "ExternalIPInterfaceAddressPrefix", "InternalIPInterfaceAddressPrefix",
    "IcmpQueryTimeout", "TcpEstablishedConnectionTimeout", "TcpTransientConnectionTimeout",
    "TcpFilteringBehavior", "UdpFilteringBehavior", "UdpIdleSessionTimeout",
    "UdpInboundRefresh", "Store", "Active", NULL};
const hv_obj_class hvc_net_cls_nat = {.type_name = HVC_NET_CIM "MSFT_NetNat",
                                      .list_view = nat_list};

static const char *const natmap_list[] = {
    "StaticMappingID", "NatName", "Protocol", "RemoteExternalIPAddressPrefix",
    "ExternalIPAddress", "ExternalPort", "InternalIPAddress", "InternalPort",
    "InternalRoutingDomainId", "Active", NULL};
const hv_obj_class hvc_net_cls_natmap = {.type_name = HVC_NET_CIM "MSFT_NetNatStaticMapping",
                                         .list_view = natmap_list};

static const hv_view_column dns_view[] = {
    L("InterfaceAlias", "InterfaceAlias", 28), R("Interface Index", "InterfaceIndex", 9),
    L("Address Family", "AddressFamily", 7), L("ServerAddresses", "ServerAddresses", 0), {0}};
const hv_obj_class hvc_net_cls_dns = {.type_name = HVC_NET_CIM "MSFT_DNSClientServerAddress",
                                      .table_view = dns_view};

/* Get-NetIPConfiguration's IPv4Address / IPv4DefaultGateway / DNSServer hold real
 * MSFT_NetIPAddress / MSFT_NetRoute / MSFT_DNSClientServerAddress objects (scripts read
 * .IPv4Address.IPAddress, .IPv4DefaultGateway.NextHop, .DNSServer.ServerAddresses); the
 * NetIPConfiguration view shows them as the address, the next hop and the server list, so
 * these copies of the classes render that way as text. */
static hv_value
prop_text(const hv_value *self, const char *prop, const char *sep)
{
    const hv_value *v = hv_obj_get(self, prop);
    if (!v)
        return hv_str("");
    if (v->kind != HV_ARRAY)
        return hv_conv_to_string(v, NULL);
    hv_buf b = {0};
    for (size_t i = 0; i < hv_array_len(v); i++) {
        hv_value t = hv_conv_to_string(hv_array_at(v, i), NULL);
        if (i)
            hv_buf_puts(&b, sep);
        hv_buf_puts(&b, hv_str_cstr(&t));
        hv_unref(t);
    }
    hv_value r = hv_strn(b.data ? b.data : "", b.len);
    hv_buf_free(&b);
    return r;
}
static hv_value
cfg_ipaddr_text(const hv_value *self)
{
    return prop_text(self, "IPAddress", "");
}
static hv_value
cfg_route_text(const hv_value *self)
{
    return prop_text(self, "NextHop", "");
}
static hv_value
cfg_dns_text(const hv_value *self)
{
    return prop_text(self, "ServerAddresses", "\n");
}
const hv_obj_class hvc_net_cls_cfg_ipaddr = {.type_name = HVC_NET_CIM "MSFT_NetIPAddress",
                                             .base_types = ipaddr_bases,
                                             .list_view = ipaddr_list,
                                             .default_props = ipaddr_table,
                                             .to_string = cfg_ipaddr_text};
const hv_obj_class hvc_net_cls_cfg_route = {.type_name = HVC_NET_CIM "MSFT_NetRoute",
                                            .table_view = route_view,
                                            .to_string = cfg_route_text};
const hv_obj_class hvc_net_cls_cfg_dns = {.type_name = HVC_NET_CIM "MSFT_DNSClientServerAddress",
                                          .table_view = dns_view, .to_string = cfg_dns_text};

hv_value
hvc_net_reclass(hv_value o, const hv_obj_class *cls)
{
    hv_value r = hv_obj_new(cls);
    for (size_t i = 0; i < hv_obj_count(&o); i++)
        hv_obj_set(&r, hv_obj_name_at(&o, i), hv_ref(hv_obj_value_at(&o, i)));
    hv_unref(o);
    return r;
}

/* ================================ arguments ================================ */

const char *
hvc_net_arg_str(hv_cmd *cmd, int idx)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v || v->kind != HV_STRING)
        return NULL;
    return hv_str_cstr(v);
}

const char **
hvc_net_arg_strv(hv_cmd *cmd, int idx, size_t *n)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *n = 0;
    if (!v)
        return NULL;
    if (v->kind == HV_STRING) {
        const char **out = hv_xcalloc(2, sizeof *out);
        out[0] = hv_str_cstr(v);
        *n = 1;
        return out;
    }
    if (v->kind != HV_ARRAY)
        return NULL;
    size_t len = hv_array_len(v);
    const char **out = hv_xcalloc(len + 1, sizeof *out);
    for (size_t i = 0; i < len; i++) {
        const hv_value *e = hv_array_at(v, i);
        if (e->kind == HV_STRING)
            out[(*n)++] = hv_str_cstr(e);
    }
    return out;
}

bool
hvc_net_arg_u32v(hv_cmd *cmd, int idx, uint32_t **out, size_t *n)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *out = NULL;
    *n = 0;
    if (!v)
        return false;
    size_t len = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    *out = hv_xcalloc(len + 1, sizeof **out);
    for (size_t i = 0; i < len; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        int64_t x;
        hv_conv_err err;
        if (hv_conv_to_int64(e, &x, &err))
            (*out)[(*n)++] = (uint32_t)x;
    }
    return true;
}

int64_t
hvc_net_arg_int(hv_cmd *cmd, int idx, int64_t dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    int64_t x;
    hv_conv_err err;
    if (!v || !hv_conv_to_int64(v, &x, &err))
        return dflt;
    return x;
}

int
hvc_net_arg_bool(hv_cmd *cmd, int idx, int dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v)
        return dflt;
    if (v->kind == HV_ARRAY)
        return hv_array_len(v) ? hv_conv_to_bool(hv_array_at(v, 0)) : dflt;
    return hv_conv_to_bool(v);
}

static int
family_of_value(const hv_value *v)
{
    hv_value s = hv_conv_to_string(v, NULL);
    const char *c = hv_str_cstr(&s);
    int af = !strcasecmp(c, "IPv4") || !strcmp(c, "2") ? AF_INET
             : !strcasecmp(c, "IPv6") || !strcmp(c, "23") ? AF_INET6 : 0;
    hv_unref(s);
    return af;
}

int
hvc_net_arg_family(hv_cmd *cmd, int idx)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v)
        return 0;
    if (v->kind == HV_ARRAY)
        return hv_array_len(v) == 1 ? family_of_value(hv_array_at(v, 0)) : 0;
    return family_of_value(v);
}

bool
hvc_net_family_ok(hv_cmd *cmd, int idx, int af)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    if (!v)
        return true;
    if (v->kind != HV_ARRAY)
        return family_of_value(v) == af;
    for (size_t i = 0; i < hv_array_len(v); i++)
        if (family_of_value(hv_array_at(v, i)) == af)
            return true;
    return false;
}

bool
hvc_net_match_any(const char *const *pats, size_t n, const char *s)
{
    if (n == 0)
        return true;
    for (size_t i = 0; i < n; i++)
        if (hv_wildcard_match(pats[i], s, false))
            return true;
    return false;
}

/* ================================ engine access ================================ */

hv_status
hvc_net_open(hv_cmd *cmd, hv_nl **out)
{
    hv_eng_err e;
    if (hv_nl_open(out, &e) == 0)
        return HV_OK;
    *out = NULL;
    return hv_throw(cmd, hvc_net_error(cmd, &e, NULL, NULL));
}

static bool
has_net_admin(void)
{
    struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
    struct __user_cap_data_struct d[2];
    memset(d, 0, sizeof d);
    if (syscall(SYS_capget, &h, d) < 0)
        return true;
    return (d[CAP_NET_ADMIN / 32].effective >> (CAP_NET_ADMIN % 32)) & 1;
}

hv_status
hvc_net_state_open(hv_cmd *cmd, hv_netstate **out)
{
    hv_eng_err e;
    if (hv_netstate_open(out, &e) == 0) {
        /* the state file is made ready before the live change: if it cannot be written,
         * the command fails with nothing changed instead of leaving an unrecorded change */
        if (hv_netstate_prepare(*out, &e) == 0)
            return HV_OK;
        hv_netstate_close(*out);
        *out = NULL;
        return hv_throw(cmd, hvc_net_error(cmd, &e, NULL, NULL));
    }
    *out = NULL;
    /* without the privilege the change itself fails with the clearer error */
    if (!has_net_admin())
        return HV_OK;
    return hv_write_warning(cmd, "The change will not survive a reboot: %s", e.msg);
}

hv_status
hvc_net_state_close(hv_cmd *cmd, hv_netstate *st)
{
    if (!st)
        return HV_OK;
    hv_eng_err e;
    hv_status s = HV_OK;
    if (hv_netstate_save(st, &e) < 0)
        s = hv_write_error(cmd, hvc_net_error(cmd, &e, NULL, NULL));
    hv_netstate_close(st);
    return s;
}

/* ================================ errors ================================ */

typedef struct {
    hv_err_category cat;
    int win32; /* the Windows system error the CIM provider would report */
} err_map;

static const err_map err_table[HV_ENG__COUNT] = {
    [HV_ENG_OK] = {HV_CAT_NotSpecified, 0},
    [HV_ENG_SYSTEM] = {HV_CAT_NotSpecified, 31},
    [HV_ENG_NOT_FOUND] = {HV_CAT_ObjectNotFound, 1168},
    [HV_ENG_EXISTS] = {HV_CAT_InvalidArgument, 87},
    [HV_ENG_INVALID] = {HV_CAT_InvalidArgument, 87},
    [HV_ENG_PERMISSION] = {HV_CAT_PermissionDenied, 5},
    [HV_ENG_BUSY] = {HV_CAT_ResourceBusy, 170},
    [HV_ENG_UNSUPPORTED] = {HV_CAT_NotImplemented, 50},
    [HV_ENG_STATE] = {HV_CAT_InvalidOperation, 5023},
    [HV_ENG_VIRT] = {HV_CAT_NotSpecified, 31},
    [HV_ENG_CONFLICT] = {HV_CAT_InvalidArgument, 87},
    [HV_ENG_UNREACHABLE] = {HV_CAT_InvalidArgument, 87},
};

hv_value
hvc_net_error(hv_cmd *cmd, const hv_eng_err *e, const char *cim_class, const char *msg)
{
    err_map m = e->code >= 0 && e->code < HV_ENG__COUNT ? err_table[e->code]
                                                        : err_table[HV_ENG_SYSTEM];
    char id[64];
    snprintf(id, sizeof id, "Windows System Error %d", m.win32);
    hv_value target = hv_str(cim_class ? cim_class : "");
    /* Permission errors always carry the engine's sentence (it names the privilege). */
    const char *text = msg && e->code != HV_ENG_PERMISSION ? msg : e->msg;
    hv_value rec = hv_error_new_ex(cmd, HVC_NET_CIMEXC, m.cat, id, cim_class ? &target : NULL,
                                   "%s", text);
    hv_unref(target);
    return rec;
}

hv_status
hvc_net_write_error(hv_cmd *cmd, const hv_eng_err *e, const char *cim_class, const char *msg)
{
    return hv_write_error(cmd, hvc_net_error(cmd, e, cim_class, msg));
}

hv_status
hvc_net_not_found(hv_cmd *cmd, const char *cim_class, const char *prop, const char *value)
{
    char id[96];
    snprintf(id, sizeof id, "CmdletizationQuery_NotFound_%s", prop);
    hv_value target = hv_str(value);
    hv_value rec = hv_error_new_ex(
        cmd, "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", HV_CAT_ObjectNotFound,
        id, &target,
        "No %s objects found with property '%s' equal to '%s'.  Verify the value of the "
        "property and retry.", cim_class, prop, value);
    hv_unref(target);
    return hv_write_error(cmd, rec);
}

/* ================================ interfaces ================================ */

hv_status
hvc_net_resolve_if(hv_cmd *cmd, hv_nl *nl, const char *alias, int64_t index,
                   const char *cim_class, hv_nl_link *out, bool *found)
{
    hv_eng_err e;
    int rc;
    *found = false;
    if (alias)
        rc = hv_nl_link_find(nl, alias, out, &e);
    else if (index >= 0)
        rc = hv_nl_link_get(nl, (int)index, out, &e);
    else
        return hv_write_error(cmd, hv_error_new_ex(cmd, HVC_NET_CIMEXC, HV_CAT_InvalidArgument,
                                                   "Windows System Error 87", NULL,
                                                   "The parameter is incorrect."));
    if (rc == 0) {
        *found = true;
        return HV_OK;
    }
    if (e.code == HV_ENG_NOT_FOUND)
        return hvc_net_write_error(cmd, &e, cim_class, "Element not found.");
    return hvc_net_write_error(cmd, &e, cim_class, NULL);
}

const char *
hvc_net_status(const hv_nl_link *l)
{
    if (!(l->flags & IFF_UP))
        return "Disabled";
    return (l->flags & IFF_LOWER_UP) ? "Up" : "Disconnected";
}

const char *
hvc_net_if_name(const hv_nl_link *all, size_t n, int ifindex)
{
    for (size_t i = 0; i < n; i++)
        if (all[i].ifindex == ifindex)
            return hv_nl_link_display_name(&all[i]);
    return "";
}

static bool
is_vethernet(const hv_nl_link *l)
{
    return !strcmp(l->kind, "bridge") && !strncasecmp(l->alias, "vEthernet (", 11);
}

/* What Windows shows for the drivers a Linux host (or a KVM guest) has. */
static const struct {
    const char *driver, *desc;
} driver_desc[] = {
    {"virtio_net", "Red Hat VirtIO Ethernet Adapter"},
    {"e1000", "Intel(R) PRO/1000 MT Network Connection"},
    {"e1000e", "Intel(R) 82574L Gigabit Network Connection"},
    {"igb", "Intel(R) Ethernet Server Adapter"},
    {"ixgbe", "Intel(R) Ethernet 10G Adapter"},
    {"r8169", "Realtek PCIe GbE Family Controller"},
    {"vmxnet3", "vmxnet3 Ethernet Adapter"},
    {"hv_netvsc", "Microsoft Hyper-V Network Adapter"},
    {"veth", "Virtual Ethernet Adapter"},
    {"tun", "TAP Virtual Ethernet Adapter"},
    {"bridge", "Linux Bridge"},
    {"macvlan", "MACVLAN Virtual Adapter"},
    {"vxlan", "VXLAN Virtual Adapter"},
};

void
hvc_net_description(const hv_nl_link *l, const hv_nl_link *all, size_t n, char *out,
                    size_t outsz)
{
    if (is_vethernet(l)) {
        int nth = 1;
        for (size_t i = 0; i < n; i++)
            if (is_vethernet(&all[i]) && all[i].ifindex < l->ifindex)
                nth++;
        if (nth == 1)
            snprintf(out, outsz, "Hyper-V Virtual Ethernet Adapter");
        else
            snprintf(out, outsz, "Hyper-V Virtual Ethernet Adapter #%d", nth);
        return;
    }
    if (l->link_type == ARPHRD_LOOPBACK) {
        snprintf(out, outsz, "Software Loopback Interface 1");
        return;
    }
    const char *drv = l->driver[0] ? l->driver : l->kind;
    for (size_t i = 0; i < sizeof driver_desc / sizeof driver_desc[0]; i++)
        if (!strcmp(drv, driver_desc[i].driver)) {
            snprintf(out, outsz, "%s", driver_desc[i].desc);
            return;
        }
    snprintf(out, outsz, "%s Network Adapter", drv[0] ? drv : "Generic");
}

/* "10 Gbps", "100 Mbps", "2.5 Gbps". */
static void
link_speed_text(const hv_nl_link *l, uint64_t *bps, char *out, size_t outsz)
{
    uint64_t mbps = l->speed_mbps;
    if (!mbps && (is_vethernet(l) || !strcmp(l->driver, "virtio_net")))
        mbps = 10000; /* what Hyper-V's vNIC and Windows' VirtIO driver report */
    *bps = mbps * 1000000ull;
    if (!mbps)
        snprintf(out, outsz, "0 bps");
    else if (mbps >= 1000 && mbps % 100 == 0)
        snprintf(out, outsz, mbps % 1000 ? "%.1f Gbps" : "%.0f Gbps", (double)mbps / 1000.0);
    else
        snprintf(out, outsz, "%llu Mbps", (unsigned long long)mbps);
}

static void
mac_text(const unsigned char *mac, int len, char sep, char *out, size_t outsz)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (int i = 0; i < len && o + 4 < outsz; i++) {
        if (i && sep)
            out[o++] = sep;
        out[o++] = hex[mac[i] >> 4];
        out[o++] = hex[mac[i] & 15];
    }
    out[o] = 0;
}

static hv_value
u32(uint64_t v)
{
    return hv_intk((int64_t)v, HV_N_UINT32);
}

hv_value
hvc_net_adapter_obj(const hv_nl_link *l, const hv_nl_link *all, size_t n)
{
    char desc[128], speed[32], mac[24] = "", perm[24] = "";
    uint64_t bps;
    hvc_net_description(l, all, n, desc, sizeof desc);
    link_speed_text(l, &bps, speed, sizeof speed);
    if (l->mac_len == 6)
        mac_text(l->mac, 6, '-', mac, sizeof mac);
    const unsigned char *pm = l->perm_mac_len == 6 ? l->perm_mac : l->mac;
    if (l->mac_len == 6 || l->perm_mac_len == 6)
        mac_text(pm, 6, 0, perm, sizeof perm);
    const char *name = hv_nl_link_display_name(l);
    const char *status = hvc_net_status(l);
    bool up = l->flags & IFF_UP, carrier = l->flags & IFF_LOWER_UP;
    hv_value o = hv_obj_new(&hvc_net_cls_adapter);
    hv_obj_set(&o, "ifAlias", hv_str(name));
    hv_obj_set(&o, "InterfaceAlias", hv_str(name));
    hv_obj_set(&o, "ifIndex", u32((uint64_t)l->ifindex));
    hv_obj_set(&o, "ifDesc", hv_str(desc));
    hv_obj_set(&o, "ifName", hv_str(l->name));
    hv_obj_set(&o, "LinkLayerAddress", hv_str(mac));
    hv_obj_set(&o, "MacAddress", hv_str(mac));
    hv_obj_set(&o, "Status", hv_str(status));
    hv_obj_set(&o, "LinkSpeed", hv_str(speed));
    hv_obj_set(&o, "MediaType", hv_str("802.3"));
    hv_obj_set(&o, "PhysicalMediaType", hv_str(l->physical ? "802.3" : "Unspecified"));
    hv_obj_set(&o, "AdminStatus", hv_str(up ? "Up" : "Down"));
    hv_obj_set(&o, "MediaConnectionState", hv_str(carrier ? "Connected" : "Disconnected"));
    hv_obj_set(&o, "DriverName", hv_str(l->driver));
    hv_obj_set(&o, "ifOperStatus", hv_str(up && carrier ? "Up" : "Down"));
    hv_obj_set(&o, "Name", hv_str(name));
    hv_obj_set(&o, "InterfaceDescription", hv_str(desc));
    hv_obj_set(&o, "InterfaceIndex", u32((uint64_t)l->ifindex));
    hv_obj_set(&o, "InterfaceName", hv_str(l->name));
    hv_obj_set(&o, "DeviceName", hv_str(l->name));
    hv_obj_set(&o, "PermanentAddress", hv_str(perm));
    hv_value addrs = hv_array_new(1);
    hv_array_push(&addrs, hv_str(perm));
    hv_obj_set(&o, "NetworkAddresses", addrs);
    hv_obj_set(&o, "Speed", hv_uint64(bps));
    hv_obj_set(&o, "ReceiveLinkSpeed", hv_uint64(bps));
    hv_obj_set(&o, "TransmitLinkSpeed", hv_uint64(bps));
    hv_obj_set(&o, "MtuSize", u32(l->mtu));
    hv_obj_set(&o, "ActiveMaximumTransmissionUnit", hv_uint64(l->mtu));
    hv_obj_set(&o, "VlanID", hv_intk(0, HV_N_UINT16));
    hv_obj_set(&o, "MediaConnectState", u32(carrier ? 1 : 2));
    hv_obj_set(&o, "InterfaceOperationalStatus", u32(up && carrier ? 1 : 2));
    hv_obj_set(&o, "InterfaceAdminStatus", u32(up ? 1 : 2));
    hv_obj_set(&o, "Virtual", hv_bool(!l->physical));
    hv_obj_set(&o, "Hidden", hv_bool(!strcmp(l->kind, "tun") || l->link_type == ARPHRD_LOOPBACK));
    hv_obj_set(&o, "HardwareInterface", hv_bool(l->physical));
    hv_obj_set(&o, "ConnectorPresent", hv_bool(l->physical));
    hv_obj_set(&o, "FullDuplex", hv_bool(true));
    hv_obj_set(&o, "PromiscuousMode", hv_bool((l->flags & IFF_PROMISC) != 0));
    hv_obj_set(&o, "DriverDescription", hv_str(desc));
    hv_obj_set(&o, "SystemName", hv_str(""));
    hv_obj_set(&o, "Caption", hv_null());
    hv_obj_set(&o, "Description", hv_null());
    hv_obj_set(&o, "ElementName", hv_null());
    return o;
}

/* ================================ IP objects ================================ */

const char *
hvc_net_family_name(int af)
{
    return af == AF_INET6 ? "IPv6" : "IPv4";
}

static bool
is_link_local6(const hv_nl_ip *ip)
{
    return ip->family == AF_INET6 && ip->addr[0] == 0xfe && (ip->addr[1] & 0xc0) == 0x80;
}

static hv_value
lifetime(uint32_t secs)
{
    /* CDXML's format shows [TimeSpan]::MaxValue as this text */
    if (secs == HV_NL_INFINITE)
        return hv_str("Infinite ([TimeSpan]::MaxValue)");
    return hv_timespan((int64_t)secs * 10000000LL);
}

hv_value
hvc_net_ipaddr_obj(const hv_nl_addr *a, const char *ifname, const char *store)
{
    char ip[64];
    hv_nl_ip_format(&a->addr, ip, sizeof ip);
    bool persistent = !strcmp(store, "PersistentStore");
    bool manual = a->valid_lft == HV_NL_INFINITE;
    bool skip = manual && a->preferred_lft == 0;
    const char *porig, *sorig, *state;
    if (a->scope == RT_SCOPE_HOST) {
        porig = sorig = "WellKnown";
    } else if (is_link_local6(&a->addr)) {
        porig = "WellKnown";
        sorig = "Link";
    } else if (manual) {
        porig = sorig = "Manual";
    } else if (a->addr.family == AF_INET) {
        porig = sorig = "Dhcp";
    } else {
        porig = "RouterAdvertisement";
        sorig = (a->flags & IFA_F_SECONDARY) ? "Random" : "Link";
    }
    if (persistent)
        state = "Invalid";
    else if (a->flags & IFA_F_DADFAILED)
        state = "Duplicate";
    else if (a->flags & IFA_F_TENTATIVE)
        state = "Tentative";
    else if ((a->flags & IFA_F_DEPRECATED) && !skip)
        state = "Deprecated";
    else
        state = "Preferred";
    hv_value o = hv_obj_new(&hvc_net_cls_ipaddr);
    hv_obj_set(&o, "IPAddress", hv_str(ip));
    hv_obj_set(&o, "InterfaceIndex", u32((uint64_t)a->ifindex));
    hv_obj_set(&o, "InterfaceAlias", hv_str(ifname));
    hv_obj_set(&o, "AddressFamily", hv_str(hvc_net_family_name(a->addr.family)));
    hv_obj_set(&o, "Type", hv_str("Unicast"));
    hv_obj_set(&o, "PrefixLength", hv_intk(a->prefixlen, HV_N_BYTE));
    hv_obj_set(&o, "PrefixOrigin", hv_str(porig));
    hv_obj_set(&o, "SuffixOrigin", hv_str(sorig));
    hv_obj_set(&o, "AddressState", hv_str(state));
    hv_obj_set(&o, "ValidLifetime", lifetime(a->valid_lft));
    hv_obj_set(&o, "PreferredLifetime", lifetime(skip ? HV_NL_INFINITE : a->preferred_lft));
    hv_obj_set(&o, "SkipAsSource", hv_bool(skip));
    hv_obj_set(&o, "PolicyStore", hv_str(store));
    hv_obj_set(&o, "ifIndex", u32((uint64_t)a->ifindex));
    hv_obj_set(&o, a->addr.family == AF_INET ? "IPv4Address" : "IPv6Address", hv_str(ip));
    return o;
}

hv_value
hvc_net_route_obj(const hv_nl_route *r, const char *ifname, const char *store)
{
    char dst[64], gw[64];
    hv_nl_ip_format(&r->dst, dst, sizeof dst);
    char prefix[80];
    snprintf(prefix, sizeof prefix, "%s/%d", dst, r->dst_len);
    if (r->has_gateway)
        hv_nl_ip_format(&r->gateway, gw, sizeof gw);
    else
        snprintf(gw, sizeof gw, "%s", r->family == AF_INET6 ? "::" : "0.0.0.0");
    const char *proto = r->protocol == RTPROT_KERNEL ? "Local"
                        : r->protocol == RTPROT_RA   ? "RouterAdvertisement"
                        : r->protocol == RTPROT_DHCP ? "Dhcp"
                        : r->protocol == RTPROT_BOOT || r->protocol == RTPROT_STATIC ? "NetMgmt"
                                                                                        : "Other";
    hv_value o = hv_obj_new(&hvc_net_cls_route);
    hv_obj_set(&o, "DestinationPrefix", hv_str(prefix));
    hv_obj_set(&o, "NextHop", hv_str(gw));
    hv_obj_set(&o, "InterfaceIndex", u32((uint64_t)r->oif));
    hv_obj_set(&o, "InterfaceAlias", hv_str(ifname));
    hv_obj_set(&o, "AddressFamily", hv_str(hvc_net_family_name(r->family)));
    hv_obj_set(&o, "RouteMetric", u32(r->metric));
    hv_obj_set(&o, "ifMetric", u32(r->family == AF_INET6 ? 256 : 25));
    hv_obj_set(&o, "Protocol", hv_str(proto));
    hv_obj_set(&o, "TypeOfRoute", u32(r->has_gateway ? 4 : 3));
    hv_obj_set(&o, "Publish", hv_str("No"));
    hv_obj_set(&o, "ValidLifetime", lifetime(HV_NL_INFINITE));
    hv_obj_set(&o, "PreferredLifetime", lifetime(HV_NL_INFINITE));
    hv_obj_set(&o, "PolicyStore", hv_str(store));
    hv_obj_set(&o, "ifIndex", u32((uint64_t)r->oif));
    return o;
}
