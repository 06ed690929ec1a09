/* net_diag_nbr.c — Get-NetNeighbor, Get-NetTCPConnection, Get-NetUDPEndpoint (NetTCPIP).
 * engine/sysnbr reads the kernel's neighbor cache and socket tables of the current network
 * namespace; these become MSFT_NetNeighbor / MSFT_NetTCPConnection / MSFT_NetUDPEndpoint. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "cmdlets/sysmods.h"
#include "engine/sysnbr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define LCOL(l, p, w) {.label = l, .property = p, .width = w, .align = -1}

static const hv_view_column nbr_view[] = {
    LCOL("ifIndex", "ifIndex", 7), LCOL("IPAddress", "IPAddress", 50),
    LCOL("LinkLayerAddress", "LinkLayerAddress", 21), LCOL("State", "State", 11),
    LCOL("PolicyStore", "PolicyStore", 0), {0}};
static const hv_obj_class cls_nbr = {.type_name = HVC_NET_CIM "MSFT_NetNeighbor",
                                     .table_view = nbr_view};
static const hv_view_column tcp_view[] = {
    LCOL("LocalAddress", "LocalAddress", 35), LCOL("LocalPort", "LocalPort", 9),
    LCOL("RemoteAddress", "RemoteAddress", 35), LCOL("RemotePort", "RemotePort", 10),
    LCOL("State", "State", 11), LCOL("AppliedSetting", "AppliedSetting", 14),
    LCOL("OwningProcess", "OwningProcess", 0), {0}};
static const hv_obj_class cls_tcp = {.type_name = HVC_NET_CIM "MSFT_NetTCPConnection",
                                     .table_view = tcp_view};
static const hv_view_column udp_view[] = {LCOL("LocalAddress", "LocalAddress", 40),
                                          LCOL("LocalPort", "LocalPort", 0), {0}};
static const hv_obj_class cls_udp = {.type_name = HVC_NET_CIM "MSFT_NetUDPEndpoint",
                                     .table_view = udp_view};

static const char *const al_session[] = {"Session", NULL};
static const char *const al_ifalias[] = {"ifAlias", NULL};
static const char *const al_ifindex[] = {"ifIndex", NULL};
static const char *const fam_names[] = {"IPv4", "IPv6", NULL};
static const char *const nbr_states[] = {"Unreachable", "Incomplete", "Probe", "Delay",
                                         "Stale", "Reachable", "Permanent", NULL};
static const char *const tcp_states[] = {"Closed", "Listen", "SynSent", "SynReceived",
                                         "Established", "FinWait1", "FinWait2", "CloseWait",
                                         "Closing", "LastAck", "TimeWait", "DeleteTCB",
                                         "Bound", NULL};
static const char *const stores[] = {"ActiveStore", "PersistentStore", NULL};

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

static void
mac_text(const unsigned char *m, int n, char *out, size_t sz)
{
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < n && o + 4 < sz; i++)
        o += (size_t)snprintf(out + o, sz - o, "%s%02X", i ? "-" : "", m[i]);
}

/* Does s match any pattern / any number of a u32 filter? (empty filter = yes) */
static bool
u32_ok(const uint32_t *v, size_t n, uint32_t x)
{
    if (!n)
        return true;
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

/* The first filter argument (in table order) as text, for the not-found error. */
static bool
first_filter(hv_cmd *cmd, const hv_param_def *params, int nfilters, const char **prop,
             char *val, size_t vn)
{
    for (int i = 0; i < nfilters; i++) {
        const hv_value *v = hv_cmd_arg(cmd, i);
        if (!v)
            continue;
        const hv_value *e = v->kind == HV_ARRAY ? (hv_array_len(v) ? hv_array_at(v, 0) : NULL) : v;
        if (!e)
            continue;
        hv_value s = hv_conv_to_string(e, NULL);
        snprintf(val, vn, "%s", hv_str_cstr(&s));
        hv_unref(s);
        if (hv_wildcard_has_meta(val))
            return false;
        *prop = params[i].name;
        return true;
    }
    return false;
}

/* ==================================== Get-NetNeighbor ==================================== */

enum { NB_IP, NB_ALIAS, NB_INDEX, NB_LLADDR, NB_STATE, NB_FAMILY, NB_STORE, NB_ALLCOMP,
       NB_CIM, NB__N = NB_CIM + 3 };
static const hv_param_def nb_params[NB__N + 1] = {
    [NB_IP] = {.name = "IPAddress", .type = HV_PT_STRING, .position = 0,
               .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_PROPERTY_NAME,
               .help = "Neighbor IP addresses (wildcards allowed)."},
    [NB_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_PROPERTY_NAME,
                  .aliases = al_ifalias, .help = "Interface names."},
    [NB_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME, .aliases = al_ifindex,
                  .help = "Interface indexes."},
    [NB_LLADDR] = {.name = "LinkLayerAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .help = "Link-layer (MAC) addresses, as 00-15-5D-00-00-01."},
    [NB_STATE] = {.name = "State", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY, .accepted = nbr_states,
                  .help = "Neighbor states (Reachable, Stale, Permanent ...)."},
    [NB_FAMILY] = {.name = "AddressFamily", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .accepted = fam_names, .help = "IPv4 or IPv6."},
    [NB_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .accepted = stores,
                  .help = "ActiveStore (the kernel's cache); PersistentStore is empty."},
    [NB_ALLCOMP] = {.name = "IncludeAllCompartments", .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED, .help = "Accepted for compatibility."},
    CIM_COMMON(NB_CIM),
};

static hv_status
nb_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *store = hvc_net_arg_str(cmd, NB_STORE);
    hv_nl_nbr *v = NULL;
    size_t n = 0;
    hv_eng_err e;
    if (!(store && hv_str_eq_ci(store, "PersistentStore")) && hv_nl_nbr_list(AF_UNSPEC, &v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetNeighbor", NULL));
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    if (st != HV_OK) {
        free(v);
        return st;
    }
    hv_nl_link *links = NULL;
    size_t nlinks = 0;
    if (hv_nl_links(nl, &links, &nlinks, NULL) < 0)
        nlinks = 0;
    size_t nip, nal, nidx, nll, nstate, emitted = 0;
    const char **ips = hvc_net_arg_strv(cmd, NB_IP, &nip);
    const char **al = hvc_net_arg_strv(cmd, NB_ALIAS, &nal);
    const char **lls = hvc_net_arg_strv(cmd, NB_LLADDR, &nll);
    const char **states = hvc_net_arg_strv(cmd, NB_STATE, &nstate);
    uint32_t *idx;
    hvc_net_arg_u32v(cmd, NB_INDEX, &idx, &nidx);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        char ip[64], mac[100];
        hv_nl_ip_format(&v[i].ip, ip, sizeof ip);
        mac_text(v[i].lladdr, v[i].lladdr_len, mac, sizeof mac);
        const char *alias = hvc_net_if_name(links, nlinks, v[i].ifindex);
        const char *state = hv_nl_nbr_state_name(v[i].state);
        if (!hvc_net_match_any(ips, nip, ip) || !hvc_net_match_any(al, nal, alias) ||
            !hvc_net_match_any(lls, nll, mac) || !u32_ok(idx, nidx, (uint32_t)v[i].ifindex) ||
            !hvc_net_match_any(states, nstate, state) ||
            !hvc_net_family_ok(cmd, NB_FAMILY, v[i].ip.family))
            continue;
        hv_value o = hv_obj_new(&cls_nbr);
        hv_obj_set(&o, "ifIndex", hv_intk(v[i].ifindex, HV_N_UINT32));
        hv_obj_set(&o, "InterfaceAlias", hv_str(alias));
        hv_obj_set(&o, "InterfaceIndex", hv_intk(v[i].ifindex, HV_N_UINT32));
        hv_obj_set(&o, "IPAddress", hv_str(ip));
        hv_obj_set(&o, "LinkLayerAddress", hv_str(mac));
        hv_obj_set(&o, "State", hv_str(state));
        hv_obj_set(&o, "AddressFamily", hv_str(hvc_net_family_name(v[i].ip.family)));
        hv_obj_set(&o, "PolicyStore", hv_str("ActiveStore"));
        hv_obj_set(&o, "Store", hv_str("ActiveStore"));
        st = hv_emit(cmd, o);
        emitted++;
    }
    const char *prop;
    char val[128];
    if (st == HV_OK && !emitted && first_filter(cmd, nb_params, NB_STATE, &prop, val, sizeof val))
        st = hvc_net_not_found(cmd, "MSFT_NetNeighbor", prop, val);
    free(ips);
    free(al);
    free(lls);
    free(states);
    free(idx);
    free(links);
    free(v);
    hv_nl_close(nl);
    return st;
}

/* ============================ Get-NetTCPConnection / UDPEndpoint ============================ */

enum { TS_LADDR, TS_LPORT, TS_RADDR, TS_RPORT, TS_STATE, TS_APPLIED, TS_PID, TS_CREATION,
       TS_OFFLOAD, TS_CIM, TS__N = TS_CIM + 3 };
static const char *const applied[] = {"Internet", "Datacenter", "Compat", "DatacenterCustom",
                                      "InternetCustom", NULL};
static const hv_param_def ts_params[TS__N + 1] = {
    [TS_LADDR] = {.name = "LocalAddress", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .help = "Local addresses."},
    [TS_LPORT] = {.name = "LocalPort", .type = HV_PT_UINT16, .position = 1,
                  .flags = HV_PF_ARRAY, .help = "Local ports."},
    [TS_RADDR] = {.name = "RemoteAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .help = "Remote addresses."},
    [TS_RPORT] = {.name = "RemotePort", .type = HV_PT_UINT16, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY, .help = "Remote ports."},
    [TS_STATE] = {.name = "State", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY, .accepted = tcp_states,
                  .help = "Connection states (Listen, Established, TimeWait ...)."},
    [TS_APPLIED] = {.name = "AppliedSetting", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .accepted = applied,
                    .help = "Accepted; Linux has no TCP setting templates (matches none)."},
    [TS_PID] = {.name = "OwningProcess", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                .flags = HV_PF_ARRAY, .help = "Process ids owning the sockets."},
    [TS_CREATION] = {.name = "CreationTime", .type = HV_PT_DATETIME, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY,
                     .help = "Start times of the owning processes (exact match)."},
    [TS_OFFLOAD] = {.name = "OffloadState", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .help = "Accepted; every connection is InHost."},
    CIM_COMMON(TS_CIM),
};

enum { US_LADDR, US_LPORT, US_PID, US_CREATION, US_CIM, US__N = US_CIM + 3 };
static const hv_param_def us_params[US__N + 1] = {
    [US_LADDR] = {.name = "LocalAddress", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .help = "Local addresses."},
    [US_LPORT] = {.name = "LocalPort", .type = HV_PT_UINT16, .position = 1,
                  .flags = HV_PF_ARRAY, .help = "Local ports."},
    [US_PID] = {.name = "OwningProcess", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                .flags = HV_PF_ARRAY, .help = "Process ids owning the sockets."},
    [US_CREATION] = {.name = "CreationTime", .type = HV_PT_DATETIME, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY,
                     .help = "Start times of the owning processes (exact match)."},
    CIM_COMMON(US_CIM),
};

/* Local datetime ticks of a process start (boot time + start ticks). */
static int64_t
start_time_ticks(uint64_t start)
{
    struct timespec rt, bt;
    clock_gettime(CLOCK_REALTIME, &rt);
    clock_gettime(CLOCK_BOOTTIME, &bt);
    long hz = sysconf(_SC_CLK_TCK);
    double boot = (double)rt.tv_sec - (double)bt.tv_sec + (rt.tv_nsec - bt.tv_nsec) / 1e9;
    double t = boot + (double)start / (double)(hz > 0 ? hz : 100);
    time_t tt = (time_t)t;
    struct tm lt;
    localtime_r(&tt, &lt);
    /* ticks from 0001-01-01 of the local wall clock */
    int64_t days = (int64_t)(tt + lt.tm_gmtoff) / 86400;
    int64_t secs = (int64_t)(tt + lt.tm_gmtoff) % 86400;
    return (days + 719162) * 864000000000LL + secs * 10000000LL +
           (int64_t)((t - (double)tt) * 1e7);
}

static hv_status
socks_process(hv_cmd *cmd, bool tcp)
{
    hv_sys_sock *v = NULL;
    size_t n = 0;
    hv_eng_err e;
    const char *cls = tcp ? "MSFT_NetTCPConnection" : "MSFT_NetUDPEndpoint";
    if (hv_sys_sock_list(tcp, &v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, cls, NULL));
    int i_laddr = tcp ? TS_LADDR : US_LADDR, i_lport = tcp ? TS_LPORT : US_LPORT;
    int i_pid = tcp ? TS_PID : US_PID, i_ct = tcp ? TS_CREATION : US_CREATION;
    size_t nla, nra = 0, nst = 0, nlp, nrp = 0, npid, nap = 0;
    const char **la = hvc_net_arg_strv(cmd, i_laddr, &nla);
    const char **ra = tcp ? hvc_net_arg_strv(cmd, TS_RADDR, &nra) : NULL;
    const char **sts = tcp ? hvc_net_arg_strv(cmd, TS_STATE, &nst) : NULL;
    const char **aps = tcp ? hvc_net_arg_strv(cmd, TS_APPLIED, &nap) : NULL;
    uint32_t *lp, *rp = NULL, *pids;
    hvc_net_arg_u32v(cmd, i_lport, &lp, &nlp);
    if (tcp)
        hvc_net_arg_u32v(cmd, TS_RPORT, &rp, &nrp);
    hvc_net_arg_u32v(cmd, i_pid, &pids, &npid);
    const hv_value *ct = hv_cmd_arg(cmd, i_ct);
    hv_status st = HV_OK;
    size_t emitted = 0;
    for (size_t i = 0; i < n && st == HV_OK && !nap; i++) {
        char l[64], r[64];
        hv_nl_ip_format(&v[i].local, l, sizeof l);
        hv_nl_ip_format(&v[i].remote, r, sizeof r);
        const char *state = hv_sys_sock_tcp_state_name(v[i].state);
        int64_t created = v[i].start_ticks ? start_time_ticks(v[i].start_ticks) : 0;
        if (!hvc_net_match_any(la, nla, l) || !hvc_net_match_any(ra, nra, r) ||
            !u32_ok(lp, nlp, v[i].local_port) || !u32_ok(rp, nrp, v[i].remote_port) ||
            !u32_ok(pids, npid, (uint32_t)v[i].pid) || !hvc_net_match_any(sts, nst, state))
            continue;
        if (ct) {
            bool hit = false;
            size_t k = ct->kind == HV_ARRAY ? hv_array_len(ct) : 1;
            for (size_t j = 0; j < k; j++) {
                const hv_value *x = ct->kind == HV_ARRAY ? hv_array_at(ct, j) : ct;
                hit |= x->kind == HV_DATETIME && x->u.i / 10000000 == created / 10000000;
            }
            if (!hit)
                continue;
        }
        hv_value o = hv_obj_new(tcp ? &cls_tcp : &cls_udp);
        hv_obj_set(&o, "LocalAddress", hv_str(l));
        hv_obj_set(&o, "LocalPort", hv_intk(v[i].local_port, HV_N_UINT16));
        if (tcp) {
            hv_obj_set(&o, "RemoteAddress", hv_str(r));
            hv_obj_set(&o, "RemotePort", hv_intk(v[i].remote_port, HV_N_UINT16));
            hv_obj_set(&o, "State", hv_str(state));
            hv_obj_set(&o, "AppliedSetting", hv_null());
        }
        hv_obj_set(&o, "OwningProcess", hv_intk(v[i].pid, HV_N_UINT32));
        hv_obj_set(&o, "CreationTime", created ? hv_datetime(created, HV_DT_LOCAL) : hv_null());
        if (tcp)
            hv_obj_set(&o, "OffloadState", hv_str("InHost"));
        st = hv_emit(cmd, o);
        emitted++;
    }
    const char *prop;
    char val[128];
    if (st == HV_OK && !emitted &&
        first_filter(cmd, tcp ? ts_params : us_params, tcp ? TS_CIM : US_CIM, &prop, val, sizeof val))
        st = hvc_net_not_found(cmd, cls, prop, val);
    free(la);
    free(ra);
    free(sts);
    free(aps);
    free(lp);
    free(rp);
    free(pids);
    free(v);
    return st;
}

static hv_status
tcp_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return socks_process(cmd, true);
}

static hv_status
udp_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return socks_process(cmd, false);
}

static const hv_example ex_nb[] = {
    {.title = "The IPv4 neighbor cache", .code = "Get-NetNeighbor -AddressFamily IPv4"},
    {.title = "Reachable neighbors on one adapter",
     .code = "Get-NetNeighbor -InterfaceAlias Ethernet -State Reachable"},
    {0}};
static const hv_example ex_tcp[] = {
    {.title = "Listening TCP ports", .code = "Get-NetTCPConnection -State Listen"},
    {.title = "Who owns port 443?",
     .code = "Get-Process -Id (Get-NetTCPConnection -LocalPort 443).OwningProcess"},
    {0}};
static const hv_example ex_udp[] = {
    {.title = "UDP endpoints on port 53", .code = "Get-NetUDPEndpoint -LocalPort 53"}, {0}};

#define OUT_CIM(c) HVC_NET_CIM c
static const hv_cmdlet_def nbr_cmdlets[] = {
    {.name = "Get-NetNeighbor", .params = nb_params, .ops = {.process = nb_process},
     .examples = ex_nb,
     .synopsis = "Gets neighbor cache entries.",
     .description = "The kernel's ARP (IPv4) and neighbor discovery (IPv6) cache of the "
                    "current network namespace, with link-layer addresses written as Windows "
                    "does (00-15-5D-00-00-01) and states Reachable, Stale, Delay, Probe, "
                    "Incomplete, Unreachable or Permanent (static and no-ARP entries).",
     .output_type = OUT_CIM("MSFT_NetNeighbor"),
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netneighbor"},
    {.name = "Get-NetTCPConnection", .params = ts_params, .ops = {.process = tcp_process},
     .examples = ex_tcp,
     .synopsis = "Gets TCP connections.",
     .description = "Every TCP socket of the current network namespace (/proc/net/tcp and "
                    "tcp6): local and remote address and port, state and owning process (found "
                    "through /proc/<pid>/fd; 0 when it cannot be seen).",
     .output_type = OUT_CIM("MSFT_NetTCPConnection"),
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-nettcpconnection"},
    {.name = "Get-NetUDPEndpoint", .params = us_params, .ops = {.process = udp_process},
     .examples = ex_udp,
     .synopsis = "Gets statistics for UDP endpoints.",
     .description = "Every UDP socket of the current network namespace (/proc/net/udp and "
                    "udp6) with its local address, port and owning process.",
     .output_type = OUT_CIM("MSFT_NetUDPEndpoint"),
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netudpendpoint"},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_nbr = {.name = "NetTCPIP", .version = "1.0.0.0",
                                      .cmdlets = nbr_cmdlets};
