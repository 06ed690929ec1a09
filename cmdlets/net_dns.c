/* net_dns.c — the DnsClient module: Get-/Set-DnsClientServerAddress. Per-interface server
 * lists live in hvsh's saved state; engine/resolv renders them into systemd-resolved or a
 * managed block of resolv.conf ($HVSH_RESOLV_CONF, so tests never touch the host's file). */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"

#include <linux/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

static const char *const al_session[] = {"Session", NULL};
static const char *const al_family[] = {"Family", NULL};
static const char *const al_servers[] = {"Addresses", NULL};
static const char *const al_reset[] = {"ResetAddresses", NULL};
static const char *const fam_names[] = {"IPv4", "IPv6", NULL};
static const char *const sets_set[] = {"ByAlias", "ByName", "InputObject (cdxml)", NULL};

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

hv_status
hvc_net_dns_apply(hv_cmd *cmd, hv_nl *nl, hv_netstate *st, const char *cleared)
{
    const hv_ns_dns *d;
    size_t n = hv_netstate_dns_list(st, &d);
    hv_dns_iface *ifs = hv_xcalloc(n + 2, sizeof *ifs);
    const char **ptrs = hv_xcalloc(n * HV_NS_MAX_DNS + 1, sizeof *ptrs);
    for (size_t i = 0; i < n; i++) {
        hv_nl_link l;
        ifs[i].ifname = d[i].iface;
        ifs[i].ifindex = hv_nl_link_find(nl, d[i].iface, &l, NULL) == 0 ? l.ifindex : 0;
        for (size_t j = 0; j < d[i].n; j++)
            ptrs[i * HV_NS_MAX_DNS + j] = d[i].servers[j];
        ifs[i].servers = &ptrs[i * HV_NS_MAX_DNS];
        ifs[i].n = d[i].n;
    }
    hv_nl_link cl;
    if (cleared && !hv_netstate_dns_get(st, cleared) && hv_nl_link_find(nl, cleared, &cl, NULL) == 0)
        ifs[n++] = (hv_dns_iface){.ifname = cleared, .ifindex = cl.ifindex};
    hv_eng_err e;
    hv_status s = HV_OK;
    if (hv_dns_apply(ifs, n, &e) < 0)
        s = hvc_net_write_error(cmd, &e, "MSFT_DNSClientServerAddress", NULL);
    free(ifs);
    free(ptrs);
    return s;
}

static int
server_family(const char *s)
{
    hv_nl_ip ip;
    return hv_nl_ip_parse(s, 0, &ip, NULL) == 0 ? ip.family : 0;
}

/* ============================ Get-DnsClientServerAddress ============================ */

enum { GD_ALIAS, GD_FAMILY, GD_INDEX, GD_CIM, GD__N = GD_CIM + 3 };
static const hv_param_def getdns_params[GD__N + 1] = {
    [GD_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .help = "Interface names."},
    [GD_FAMILY] = {.name = "AddressFamily", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .aliases = al_family, .accepted = fam_names,
                   .help = "IPv4 or IPv6."},
    [GD_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .help = "Interface indexes."},
    CIM_COMMON(GD_CIM),
};

hv_value
hvc_net_dns_obj(const hv_nl_link *l, int af, const char *const *servers, size_t n)
{
    const char *name = hv_nl_link_display_name(l);
    hv_value o = hv_obj_new(&hvc_net_cls_dns);
    hv_obj_set(&o, "InterfaceAlias", hv_str(name));
    hv_obj_set(&o, "InterfaceIndex", hv_intk(l->ifindex, HV_N_UINT32));
    hv_obj_set(&o, "AddressFamily", hv_str(af == AF_INET ? "IPv4" : "IPv6"));
    hv_value arr = hv_array_new(n);
    for (size_t i = 0; i < n; i++)
        if (server_family(servers[i]) == af)
            hv_array_push(&arr, hv_str(servers[i]));
    hv_obj_set(&o, "ServerAddresses", arr);
    return o;
}

/* Interfaces without their own list show the system's resolv.conf servers when they carry
 * the default route (that is where DHCP-style servers belong on Windows too). */
static bool
has_default(const hv_nl_route *r, size_t n, int ifindex, int af)
{
    for (size_t i = 0; i < n; i++)
        if (r[i].oif == ifindex && r[i].dst_len == 0 && r[i].family == af)
            return true;
    return false;
}

static hv_status
getdns_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    if (st != HV_OK)
        return st;
    hv_nl_link *links = NULL;
    hv_nl_route *routes = NULL;
    size_t nl_n = 0, nr = 0;
    hv_eng_err e;
    if (hv_nl_links(nl, &links, &nl_n, &e) < 0 || hv_nl_routes(nl, AF_UNSPEC, &routes, &nr, &e) < 0)
        st = hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_DNSClientServerAddress", NULL));
    hv_netstate *ns = NULL;
    if (st == HV_OK && hv_netstate_load(&ns, NULL) < 0)
        ns = NULL;
    char **sys = NULL;
    size_t nsys = 0;
    if (st == HV_OK)
        hv_dns_conf_servers(hv_dns_conf_path(), &sys, &nsys, NULL);
    size_t na, nidx, emitted = 0;
    const char **alias = hvc_net_arg_strv(cmd, GD_ALIAS, &na);
    uint32_t *idx;
    hvc_net_arg_u32v(cmd, GD_INDEX, &idx, &nidx);
    for (size_t i = 0; i < nl_n && st == HV_OK; i++) {
        const hv_nl_link *l = &links[i];
        if (!strcmp(l->kind, "tun"))
            continue;
        if (na && !hvc_net_match_any(alias, na, hv_nl_link_display_name(l)) &&
            !hvc_net_match_any(alias, na, l->name))
            continue;
        bool iok = !nidx;
        for (size_t k = 0; k < nidx; k++)
            iok |= (int)idx[k] == l->ifindex;
        if (!iok)
            continue;
        const hv_ns_dns *d = ns ? hv_netstate_dns_get(ns, hv_nl_link_display_name(l)) : NULL;
        static const int fams[2] = {AF_INET, AF_INET6};
        for (int k = 0; k < 2 && st == HV_OK; k++) {
            if (!hvc_net_family_ok(cmd, GD_FAMILY, fams[k]))
                continue;
            const char *ptrs[HV_NS_MAX_DNS];
            size_t n = 0;
            if (d) {
                for (size_t j = 0; j < d->n; j++)
                    ptrs[n++] = d->servers[j];
                st = hv_emit(cmd, hvc_net_dns_obj(l, fams[k], ptrs, n));
            } else {
                bool dflt = has_default(routes, nr, l->ifindex, fams[k]);
                st = hv_emit(cmd, hvc_net_dns_obj(l, fams[k], dflt ? (const char *const *)sys : NULL,
                                          dflt ? nsys : 0));
            }
            emitted++;
        }
    }
    if (st == HV_OK && !emitted) {
        char num[16];
        if (nidx)
            snprintf(num, sizeof num, "%u", idx[0]);
        if (nidx || (na && !hv_wildcard_has_meta(alias[0])))
            st = hvc_net_not_found(cmd, "MSFT_DNSClientServerAddress",
                                   nidx ? "InterfaceIndex" : "InterfaceAlias",
                                   nidx ? num : alias[0]);
    }
    hv_dns_strv_free(sys, nsys);
    hv_netstate_close(ns);
    free(alias);
    free(idx);
    free(links);
    free(routes);
    hv_nl_close(nl);
    return st;
}

/* ============================ Set-DnsClientServerAddress ============================ */

enum { SD_ALIAS, SD_INDEX, SD_INPUT, SD_SERVERS, SD_RESET, SD_VALIDATE, SD_PASSTHRU, SD_CIM,
       SD__N = SD_CIM + 3 };
static const hv_param_def setdns_params[SD__N + 1] = {
    [SD_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY, .sets = HV_SET(0),
                  .help = "Interface names."},
    [SD_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .sets = HV_SET(1), .help = "Interface indexes."},
    [SD_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY, .sets = HV_SET(2),
                  .help = "Objects with an InterfaceIndex."},
    [SD_SERVERS] = {.name = "ServerAddresses", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .aliases = al_servers,
                    .help = "The interface's DNS servers (replaces the list)."},
    [SD_RESET] = {.name = "ResetServerAddresses", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .aliases = al_reset, .help = "Forget the interface's own servers."},
    [SD_VALIDATE] = {.name = "Validate", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Accepted; addresses are checked for syntax only."},
    [SD_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the changed settings."},
    CIM_COMMON(SD_CIM),
};

/* Interfaces named by the bound set, in argument order; not-found errors as Windows. */
static hv_status
setdns_targets(hv_cmd *cmd, hv_nl *nl, hv_nl_link **out, size_t *nout)
{
    size_t na, nidx;
    const char **alias = hvc_net_arg_strv(cmd, SD_ALIAS, &na);
    uint32_t *idx;
    hvc_net_arg_u32v(cmd, SD_INDEX, &idx, &nidx);
    const hv_value *in = hv_cmd_arg(cmd, SD_INPUT);
    if (in) {
        size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
        free(idx);
        idx = hv_xcalloc(len + 1, sizeof *idx);
        nidx = 0;
        for (size_t i = 0; i < len; i++) {
            const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, i) : in;
            hv_value v = hv_get_member(hv_cmd_ctx(cmd), o, "InterfaceIndex");
            idx[nidx++] = (uint32_t)hv_int_of(&v);
            hv_unref(v);
        }
    }
    *out = hv_xcalloc(na + nidx + 1, sizeof **out);
    *nout = 0;
    hv_status st = HV_OK;
    for (size_t i = 0; i < na && st == HV_OK; i++) {
        if (hv_nl_link_find(nl, alias[i], &(*out)[*nout], NULL) == 0)
            (*nout)++;
        else
            st = hvc_net_not_found(cmd, "MSFT_DNSClientServerAddress", "InterfaceAlias", alias[i]);
    }
    for (size_t i = 0; i < nidx && st == HV_OK; i++) {
        if (hv_nl_link_get(nl, (int)idx[i], &(*out)[*nout], NULL) == 0) {
            (*nout)++;
        } else {
            char num[16];
            snprintf(num, sizeof num, "%u", idx[i]);
            st = hvc_net_not_found(cmd, "MSFT_DNSClientServerAddress", "InterfaceIndex", num);
        }
    }
    free(alias);
    free(idx);
    return st;
}

static hv_status
setdns_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t nsrv;
    const char **srv = hvc_net_arg_strv(cmd, SD_SERVERS, &nsrv);
    bool reset = hv_cmd_switch(cmd, SD_RESET);
    const char *cls = "MSFT_DNSClientServerAddress";
    for (size_t i = 0; i < nsrv; i++)
        if (!server_family(srv[i])) {
            hv_eng_err e;
            hv_eng_fail(&e, HV_ENG_INVALID, 22,
                        "The parameter is incorrect. '%s' is not a valid DNS server address.",
                        srv[i]);
            free(srv);
            return hvc_net_write_error(cmd, &e, cls, NULL);
        }
    if (nsrv > HV_NS_MAX_DNS)
        nsrv = HV_NS_MAX_DNS;
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    hv_nl_link *targets = NULL;
    size_t nt = 0;
    if (st == HV_OK)
        st = setdns_targets(cmd, nl, &targets, &nt);
    for (size_t i = 0; i < nt && st == HV_OK && (nsrv || reset); i++) {
        const char *name = hv_nl_link_display_name(&targets[i]);
        char target[800];
        int o = snprintf(target, sizeof target, "%s (DNS servers:", name);
        for (size_t k = 0; k < nsrv && o > 0 && (size_t)o < sizeof target; k++)
            o += snprintf(target + o, sizeof target - (size_t)o, " %s", srv[k]);
        if (o > 0 && (size_t)o < sizeof target)
            snprintf(target + o, sizeof target - (size_t)o, "%s; %s)", nsrv ? "" : " reset",
                     hv_dns_detect() == HV_DNS_RESOLVED ? "systemd-resolved" : hv_dns_conf_path());
        if (!hv_should_process(cmd, target, "Set-DnsClientServerAddress"))
            continue;
        hv_netstate *ns;
        hv_eng_err e;
        if (hv_netstate_open(&ns, &e) < 0) {
            st = hvc_net_write_error(cmd, &e, cls, NULL);
            break;
        }
        /* the state file is made ready before resolv.conf changes (nothing half-done) */
        if (hv_netstate_prepare(ns, &e) < 0) {
            hv_netstate_close(ns);
            st = hvc_net_write_error(cmd, &e, cls, NULL);
            break;
        }
        hv_netstate_set_dns(ns, name, reset ? NULL : srv, reset ? 0 : nsrv);
        st = hvc_net_dns_apply(cmd, nl, ns, name);
        if (st == HV_OK && hv_netstate_save(ns, &e) < 0)
            st = hvc_net_write_error(cmd, &e, cls, NULL);
        hv_netstate_close(ns);
        if (st == HV_OK && hv_cmd_switch(cmd, SD_PASSTHRU)) {
            st = hv_emit(cmd, hvc_net_dns_obj(&targets[i], AF_INET, reset ? NULL : srv, reset ? 0 : nsrv));
            if (st == HV_OK)
                st = hv_emit(cmd, hvc_net_dns_obj(&targets[i], AF_INET6, reset ? NULL : srv, reset ? 0 : nsrv));
        }
    }
    free(targets);
    free(srv);
    hv_nl_close(nl);
    return st;
}

static const hv_example ex_getdnsclientserveraddress[] = {{.title = "The IPv4 DNS servers of an interface", .code = "Get-DnsClientServerAddress -InterfaceAlias Ethernet -AddressFamily IPv4"}, {0}};
static const hv_example ex_setdnsclientserveraddress[] = {{.title = "Two servers for the adapter piped in", .code = "Get-NetAdapter Ethernet | Set-DnsClientServerAddress -ServerAddresses 1.1.1.1,8.8.8.8"}, {0}};

static const hv_cmdlet_def dnsclient_cmdlets[] = {
    {.name = "Get-DnsClientServerAddress", .examples = ex_getdnsclientserveraddress, .params = getdns_params,
     .ops = {.process = getdns_process},
     .synopsis = "Gets DNS server IP addresses from the TCP/IP properties on an interface.",
     .description = "One object per interface and address family. Interfaces with servers set "
                    "by Set-DnsClientServerAddress or netsh show those; an interface with the "
                    "default route otherwise shows the system resolver's servers.",
     .output_type = HVC_NET_CIM "MSFT_DNSClientServerAddress",
     .online = "https://learn.microsoft.com/powershell/module/dnsclient/get-dnsclientserveraddress"},
    {.name = "Set-DnsClientServerAddress", .examples = ex_setdnsclientserveraddress, .sets = sets_set, .default_set = 0,
     .params = setdns_params, .ops = {.process = setdns_process},
     .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Sets DNS server addresses associated with the TCP/IP properties on an interface.",
     .description = "Replaces the interface's server list (or forgets it with "
                    "-ResetServerAddresses). The lists are saved and rendered into "
                    "systemd-resolved when it runs, else into a managed block at the top of "
                    "resolv.conf ($env:HVSH_RESOLV_CONF overrides the path).",
     .output_type = "None, or MSFT_DNSClientServerAddress with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/dnsclient/set-dnsclientserveraddress"},
    {.name = NULL},
};

const hv_module_def hv_mod_dnsclient = {.name = "DnsClient", .version = "1.0.0.0",
                                        .cmdlets = dnsclient_cmdlets};
