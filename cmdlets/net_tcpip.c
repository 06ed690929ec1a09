/* net_tcpip.c — the NetTCPIP module: NetIPAddress, NetRoute, NetIPInterface,
 * NetIPConfiguration cmdlets over rtnetlink, and the `netsh` built-in (netsh.c).
 * Every mutating cmdlet validates everything first, asks ShouldProcess with the exact change,
 * then changes the kernel and records it (PersistentStore) in the saved state under its lock;
 * a failing second step undoes the first, so nothing is left half-changed. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "engine/sysctl.h"

#include <errno.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

static const char *const al_ifalias[] = {"ifAlias", NULL};
static const char *const al_ifindex[] = {"ifIndex", NULL};
static const char *const al_local[] = {"LocalAddress", NULL};
static const char *const al_session[] = {"Session", NULL};
static const char *const fam_names[] = {"IPv4", "IPv6", NULL};
static const char *const store_names[] = {"ActiveStore", "PersistentStore", NULL};

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

#define P_ALIASV(i, set, fl)                                                                  \
    [i] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = HV_POS_NAMED,          \
           .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS | (fl),            \
           .sets = set, .aliases = al_ifalias, .help = "Interface names (wildcards)."}
#define P_INDEXV(i, set, fl)                                                                  \
    [i] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,          \
           .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | (fl), .sets = set,                 \
           .aliases = al_ifindex, .help = "Interface indexes."}
#define P_FAMILYV(i, set)                                                                     \
    [i] = {.name = "AddressFamily", .type = HV_PT_ENUM, .position = HV_POS_NAMED,             \
           .flags = HV_PF_ARRAY, .sets = set, .accepted = fam_names, .help = "IPv4 or IPv6."}

/* ================================ shared pieces ================================ */

typedef struct {
    hv_nl *nl;
    hv_nl_link *links;
    size_t nlinks;
} net_snapshot;

static hv_status
snap_open(hv_cmd *cmd, net_snapshot *s)
{
    memset(s, 0, sizeof *s);
    hv_status st = hvc_net_open(cmd, &s->nl);
    if (st != HV_OK)
        return st;
    hv_eng_err e;
    if (hv_nl_links(s->nl, &s->links, &s->nlinks, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, NULL, NULL));
    return HV_OK;
}

static void
snap_close(net_snapshot *s)
{
    free(s->links);
    hv_nl_close(s->nl);
}

static const char *
ifname_of(const net_snapshot *s, int ifindex)
{
    return hvc_net_if_name(s->links, s->nlinks, ifindex);
}

/* Interface filters shared by the Get/Remove cmdlets: alias patterns and indexes. */
typedef struct {
    const char **alias;
    size_t nalias, nidx;
    uint32_t *idx;
} if_filter;

static void
filter_init(hv_cmd *cmd, if_filter *f, int ialias, int iidx)
{
    memset(f, 0, sizeof *f);
    f->alias = hvc_net_arg_strv(cmd, ialias, &f->nalias);
    hvc_net_arg_u32v(cmd, iidx, &f->idx, &f->nidx);
}

static void
filter_free(if_filter *f)
{
    free(f->alias);
    free(f->idx);
}

static bool
filter_ok(const if_filter *f, const net_snapshot *s, int ifindex)
{
    if (f->nidx) {
        bool hit = false;
        for (size_t i = 0; i < f->nidx; i++)
            hit |= (int)f->idx[i] == ifindex;
        if (!hit)
            return false;
    }
    if (!f->nalias)
        return true;
    for (size_t i = 0; i < s->nlinks; i++)
        if (s->links[i].ifindex == ifindex)
            return hvc_net_match_any(f->alias, f->nalias, hv_nl_link_display_name(&s->links[i])) ||
                   hvc_net_match_any(f->alias, f->nalias, s->links[i].name);
    return false;
}

/* Literal -InterfaceAlias names that name no interface: the CDXML not-found error. */
static hv_status
filter_check(hv_cmd *cmd, const if_filter *f, const net_snapshot *s, const char *cls)
{
    for (size_t i = 0; i < f->nalias; i++) {
        if (hv_wildcard_has_meta(f->alias[i]))
            continue;
        bool hit = false;
        for (size_t j = 0; j < s->nlinks && !hit; j++)
            hit = !strcasecmp(hv_nl_link_display_name(&s->links[j]), f->alias[i]) ||
                  !strcasecmp(s->links[j].name, f->alias[i]);
        if (!hit)
            return hvc_net_not_found(cmd, cls, "InterfaceAlias", f->alias[i]);
    }
    return HV_OK;
}

static hv_status
fail(hv_cmd *cmd, int code, const char *cls, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static hv_status
fail(hv_cmd *cmd, int code, const char *cls, const char *fmt, ...)
{
    hv_eng_err e = {.code = code};
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    return hvc_net_write_error(cmd, &e, cls, NULL);
}

/* Resolve the target interface of New-/Set- cmdlets: alias first (it is what a piped
 * Get-NetAdapter object binds in the default set), else index. */
static hv_status
target_if(hv_cmd *cmd, net_snapshot *s, int ialias, int iidx, const char *cls, hv_nl_link *out,
          bool *found)
{
    const char *alias = hvc_net_arg_str(cmd, ialias);
    int64_t idx = hv_cmd_bound(cmd, iidx) ? hvc_net_arg_int(cmd, iidx, -1) : -1;
    if (!alias && idx < 0) {
        *found = false;
        return fail(cmd, HV_ENG_INVALID, cls,
                    "Specify the interface with -InterfaceAlias or -InterfaceIndex.");
    }
    return hvc_net_resolve_if(cmd, s->nl, alias, idx, cls, out, found);
}

static bool
persistent(hv_cmd *cmd, int istore)
{
    const hv_value *v = hv_cmd_arg(cmd, istore);
    if (!v)
        return true;
    hv_value s = hv_conv_to_string(v, NULL);
    bool p = strcasecmp(hv_str_cstr(&s), "ActiveStore") != 0;
    hv_unref(s);
    return p;
}

/* Classful default when -PrefixLength is omitted (as netsh/ipconfig assume). */
static int
default_prefix(const hv_nl_ip *ip)
{
    if (ip->family == AF_INET6)
        return 64;
    unsigned a = ip->addr[0];
    return a < 128 ? 8 : a < 192 ? 16 : 24;
}

static bool
same_ip(const hv_nl_ip *a, const hv_nl_ip *b)
{
    return a->family == b->family && !memcmp(a->addr, b->addr, a->family == AF_INET6 ? 16 : 4);
}

static hv_status
emit_addr(hv_cmd *cmd, net_snapshot *s, int ifindex, const hv_nl_ip *ip, bool persist)
{
    hv_nl_addr *v;
    size_t n;
    hv_eng_err e;
    if (hv_nl_addrs(s->nl, ip->family, ifindex, &v, &n, &e) < 0)
        return hvc_net_write_error(cmd, &e, "MSFT_NetIPAddress", NULL);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!same_ip(&v[i].addr, ip))
            continue;
        st = hv_emit(cmd, hvc_net_ipaddr_obj(&v[i], ifname_of(s, ifindex), "ActiveStore"));
        if (st == HV_OK && persist)
            st = hv_emit(cmd, hvc_net_ipaddr_obj(&v[i], ifname_of(s, ifindex), "PersistentStore"));
    }
    free(v);
    return st;
}

/* ================================ Get-NetIPAddress ================================ */

enum { GI_IP, GI_ALIAS, GI_INDEX, GI_FAMILY, GI_PREFIX, GI_ORIGIN, GI_STATE, GI_TYPE,
       GI_SKIP, GI_STORE, GI_ALLCOMP, GI_CIM, GI__N = GI_CIM + 3 };
static const hv_param_def getip_params[GI__N + 1] = {
    [GI_IP] = {.name = "IPAddress", .type = HV_PT_STRING, .position = 0,
               .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
               .aliases = al_local, .help = "Addresses to get."},
    P_ALIASV(GI_ALIAS, HV_ALL_SETS, 0),
    P_INDEXV(GI_INDEX, HV_ALL_SETS, 0),
    P_FAMILYV(GI_FAMILY, HV_ALL_SETS),
    [GI_PREFIX] = {.name = "PrefixLength", .type = HV_PT_UINT8, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .help = "Prefix lengths."},
    [GI_ORIGIN] = {.name = "PrefixOrigin", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .help = "Manual, WellKnown, Dhcp, RouterAdvertisement."},
    [GI_STATE] = {.name = "AddressState", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY, .help = "Preferred, Tentative, Deprecated, Duplicate."},
    [GI_TYPE] = {.name = "Type", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY, .help = "Unicast."},
    [GI_SKIP] = {.name = "SkipAsSource", .type = HV_PT_BOOL, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY, .help = "Filter on SkipAsSource."},
    [GI_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "ActiveStore (default) or PersistentStore (hvsh's saved state)."},
    [GI_ALLCOMP] = {.name = "IncludeAllCompartments", .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED, .help = "Accepted for compatibility."},
    CIM_COMMON(GI_CIM),
};

static bool
str_filter_ok(hv_cmd *cmd, int idx, const hv_value *obj, const char *prop)
{
    size_t n;
    const char **pats = hvc_net_arg_strv(cmd, idx, &n);
    if (!pats)
        return true;
    const hv_value *v = hv_obj_get(obj, prop);
    hv_value s = v ? hv_conv_to_string(v, NULL) : hv_str("");
    bool ok = hvc_net_match_any(pats, n, hv_str_cstr(&s));
    hv_unref(s);
    free(pats);
    return ok;
}

static bool
addr_matches(hv_cmd *cmd, const hv_value *obj)
{
    if (!str_filter_ok(cmd, GI_IP, obj, "IPAddress") ||
        !str_filter_ok(cmd, GI_ORIGIN, obj, "PrefixOrigin") ||
        !str_filter_ok(cmd, GI_STATE, obj, "AddressState") ||
        !str_filter_ok(cmd, GI_TYPE, obj, "Type"))
        return false;
    uint32_t *pl;
    size_t npl;
    if (hvc_net_arg_u32v(cmd, GI_PREFIX, &pl, &npl)) {
        int64_t have = hv_int_of(hv_obj_get(obj, "PrefixLength"));
        bool hit = false;
        for (size_t i = 0; i < npl; i++)
            hit |= (int64_t)pl[i] == have;
        free(pl);
        if (!hit)
            return false;
    }
    int skip = hvc_net_arg_bool(cmd, GI_SKIP, -1);
    return skip < 0 || skip == hv_conv_to_bool(hv_obj_get(obj, "SkipAsSource"));
}

static hv_status
getip_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    if (st != HV_OK) {
        snap_close(&s);
        return st;
    }
    if_filter f;
    filter_init(cmd, &f, GI_ALIAS, GI_INDEX);
    st = filter_check(cmd, &f, &s, "MSFT_NetIPAddress");
    hv_nl_addr *v = NULL;
    size_t n = 0, emitted = 0;
    hv_eng_err e;
    const char *store = hvc_net_arg_str(cmd, GI_STORE);
    bool pstore = store && !strcasecmp(store, "PersistentStore");
    if (st == HV_OK && hv_nl_addrs(s.nl, AF_UNSPEC, 0, &v, &n, &e) < 0)
        st = hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetIPAddress", NULL));
    hv_netstate *ns = NULL;
    if (st == HV_OK && pstore && hv_netstate_load(&ns, &e) < 0)
        ns = NULL;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!filter_ok(&f, &s, v[i].ifindex) || !hvc_net_family_ok(cmd, GI_FAMILY, v[i].addr.family))
            continue;
        if (pstore) { /* the persistent store is what hvsh saved */
            bool saved = false;
            const hv_ns_addr *sa;
            size_t sn = ns ? hv_netstate_addrs(ns, &sa) : 0;
            char ip[64];
            hv_nl_ip_format(&v[i].addr, ip, sizeof ip);
            for (size_t k = 0; k < sn; k++)
                saved |= !strcasecmp(sa[k].iface, ifname_of(&s, v[i].ifindex)) &&
                         !strcmp(sa[k].ip, ip);
            if (!saved)
                continue;
        }
        hv_value o = hvc_net_ipaddr_obj(&v[i], ifname_of(&s, v[i].ifindex),
                                        pstore ? "PersistentStore" : "ActiveStore");
        if (!addr_matches(cmd, &o)) {
            hv_unref(o);
            continue;
        }
        emitted++;
        st = hv_emit(cmd, o);
    }
    hv_netstate_close(ns);
    size_t nip;
    const char **ips = hvc_net_arg_strv(cmd, GI_IP, &nip);
    if (st == HV_OK && !emitted && nip == 1 && !hv_wildcard_has_meta(ips[0]))
        st = hvc_net_not_found(cmd, "MSFT_NetIPAddress", "IPAddress", ips[0]);
    free(ips);
    free(v);
    filter_free(&f);
    snap_close(&s);
    return st;
}

/* ================================ New-NetIPAddress ================================ */

enum { NI_IP, NI_ALIAS, NI_INDEX, NI_FAMILY, NI_PREFIX, NI_GW, NI_SKIP, NI_STORE, NI_TYPE,
       NI_VALID, NI_PREFERRED, NI_CIM, NI__N = NI_CIM + 3 };
static const char *const sets_newip[] = {"ByInterfaceAlias", "ByInterfaceIndex", NULL};
static const hv_param_def newip_params[NI__N + 1] = {
    [NI_IP] = {.name = "IPAddress", .type = HV_PT_STRING, .position = 0,
               .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_NO_EMPTY,
               .aliases = al_local, .help = "The address to add."},
    [NI_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(0),
                  .aliases = al_ifalias, .help = "The interface (alias or kernel name)."},
    [NI_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(1),
                  .aliases = al_ifindex, .help = "The interface index."},
    [NI_FAMILY] = {.name = "AddressFamily", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                   .accepted = fam_names, .help = "IPv4 or IPv6 (inferred when omitted)."},
    [NI_PREFIX] = {.name = "PrefixLength", .type = HV_PT_UINT8, .position = HV_POS_NAMED,
                   .help = "Prefix length (default: classful for IPv4, 64 for IPv6)."},
    [NI_GW] = {.name = "DefaultGateway", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .help = "Also add a default route via this gateway on the interface."},
    [NI_SKIP] = {.name = "SkipAsSource", .type = HV_PT_BOOL, .position = HV_POS_NAMED,
                 .help = "Do not use the address as a source (preferred lifetime 0)."},
    [NI_STORE] = {.name = "PolicyStore", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                  .accepted = store_names,
                  .help = "ActiveStore = not saved for restore; default both stores."},
    [NI_TYPE] = {.name = "Type", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .help = "Unicast (only)."},
    [NI_VALID] = {.name = "ValidLifetime", .type = HV_PT_TIMESPAN, .position = HV_POS_NAMED,
                  .help = "Accepted; addresses are permanent."},
    [NI_PREFERRED] = {.name = "PreferredLifetime", .type = HV_PT_TIMESPAN,
                      .position = HV_POS_NAMED, .help = "Accepted; addresses are permanent."},
    CIM_COMMON(NI_CIM),
};

typedef struct {
    hv_nl_link link;
    hv_nl_ip ip, gw;
    int prefix;
    bool has_gw, skip, persist;
} newip_plan;

/* Validate New-NetIPAddress's arguments against the live interface. */
static hv_status
newip_plan_make(hv_cmd *cmd, net_snapshot *s, newip_plan *p, bool *ok)
{
    *ok = false;
    memset(p, 0, sizeof *p);
    const char *cls = "MSFT_NetIPAddress";
    bool found;
    hv_status st = target_if(cmd, s, NI_ALIAS, NI_INDEX, cls, &p->link, &found);
    if (st != HV_OK || !found)
        return st;
    int fam = hvc_net_arg_family(cmd, NI_FAMILY);
    const char *ipt = hvc_net_arg_str(cmd, NI_IP);
    hv_eng_err e;
    if (hv_nl_ip_parse(ipt ? ipt : "", 0, &p->ip, &e) < 0)
        return fail(cmd, HV_ENG_INVALID, cls, "Invalid parameter IPAddress: '%s' is not an IP address.",
                    ipt ? ipt : "");
    if (fam && p->ip.family != fam)
        return fail(cmd, HV_ENG_INVALID, cls,
                    "Invalid parameter IPAddress: %s is not an %s address (-AddressFamily %s).",
                    ipt, hvc_net_family_name(fam), hvc_net_family_name(fam));
    int max = p->ip.family == AF_INET ? 32 : 128;
    p->prefix = hv_cmd_bound(cmd, NI_PREFIX) ? (int)hvc_net_arg_int(cmd, NI_PREFIX, 0)
                                             : default_prefix(&p->ip);
    if (p->prefix < 1 || p->prefix > max)
        return fail(cmd, HV_ENG_INVALID, cls,
                    "Invalid parameter PrefixLength: %d is not valid for an %s address "
                    "(1 to %d).", p->prefix, hvc_net_family_name(p->ip.family), max);
    const char *gwt = hvc_net_arg_str(cmd, NI_GW);
    if (gwt && *gwt) {
        if (hv_nl_ip_parse(gwt, p->ip.family, &p->gw, NULL) < 0)
            return fail(cmd, HV_ENG_INVALID, cls,
                        "Invalid parameter DefaultGateway: '%s' is not an %s address.", gwt,
                        hvc_net_family_name(p->ip.family));
        hv_nl_ip net = p->ip;
        if (p->ip.family == AF_INET && !hv_nl_prefix_contains(&net, p->prefix, &p->gw))
            return fail(cmd, HV_ENG_INVALID, cls,
                        "Invalid parameter DefaultGateway: %s is not in the subnet %s/%d.", gwt,
                        ipt, p->prefix);
        p->has_gw = true;
    }
    /* Windows: the same address on the same interface is an existing instance */
    hv_nl_addr *v;
    size_t n;
    if (hv_nl_addrs(s->nl, p->ip.family, p->link.ifindex, &v, &n, &e) < 0)
        return hvc_net_write_error(cmd, &e, cls, NULL);
    bool dup = false;
    for (size_t i = 0; i < n; i++)
        dup |= same_ip(&v[i].addr, &p->ip);
    free(v);
    if (dup)
        return fail(cmd, HV_ENG_EXISTS, cls, "Instance MSFT_NetIPAddress already exists");
    if (p->has_gw) {
        hv_nl_route *rv;
        size_t rn;
        if (hv_nl_routes(s->nl, p->ip.family, &rv, &rn, &e) < 0)
            return hvc_net_write_error(cmd, &e, cls, NULL);
        bool gwdup = false;
        for (size_t i = 0; i < rn; i++)
            gwdup |= rv[i].dst_len == 0 && rv[i].oif == p->link.ifindex;
        free(rv);
        if (gwdup)
            return fail(cmd, HV_ENG_EXISTS, cls, "Instance DefaultGateway already exists");
    }
    p->skip = hvc_net_arg_bool(cmd, NI_SKIP, 0) == 1;
    p->persist = persistent(cmd, NI_STORE);
    *ok = true;
    return HV_OK;
}

static void
newip_target(const newip_plan *p, char *out, size_t n)
{
    char ip[64], gw[64];
    hv_nl_ip_format(&p->ip, ip, sizeof ip);
    int o = snprintf(out, n, "%s/%d on \"%s\" (ip address add %s/%d dev %s%s", ip, p->prefix,
                     hv_nl_link_display_name(&p->link), ip, p->prefix, p->link.name,
                     p->skip ? " preferred_lft 0" : "");
    if (p->has_gw && o > 0 && (size_t)o < n)
        o += snprintf(out + o, n - (size_t)o, "; ip route add %s via %s dev %s",
                      p->ip.family == AF_INET ? "default" : "::/0",
                      hv_nl_ip_format(&p->gw, gw, sizeof gw), p->link.name);
    if (o > 0 && (size_t)o < n)
        snprintf(out + o, n - (size_t)o, ")");
}

/* Add a default route via gw on ifindex; when another interface holds the metric-0 default
 * route the kernel refuses a second one, so use metric 256 (Windows' manual route metric). */
static int
add_default(hv_nl *nl, int ifindex, const hv_nl_ip *gw, unsigned *metric, hv_eng_err *e)
{
    hv_nl_route r = {.family = gw->family, .gateway = *gw, .has_gateway = true, .oif = ifindex};
    r.dst.family = gw->family;
    *metric = 0;
    if (hv_nl_route_add(nl, &r, e) == 0)
        return 0;
    if (e->code != HV_ENG_EXISTS)
        return -1;
    r.metric = *metric = 256;
    return hv_nl_route_add(nl, &r, e);
}

static hv_status
newip_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    newip_plan p;
    bool ok = false;
    if (st == HV_OK)
        st = newip_plan_make(cmd, &s, &p, &ok);
    char target[800];
    if (st == HV_OK && ok) {
        newip_target(&p, target, sizeof target);
        ok = hv_should_process(cmd, target, "New-NetIPAddress");
    }
    hv_netstate *ns = NULL;
    if (st == HV_OK && ok && p.persist)
        st = hvc_net_state_open(cmd, &ns);
    if (st == HV_OK && ok) {
        hv_eng_err e;
        unsigned metric = 0;
        const char *cls = "MSFT_NetIPAddress";
        if (hv_nl_addr_add(s.nl, p.link.ifindex, &p.ip, p.prefix, 0,
                           p.skip ? 0 : HV_NL_INFINITE, &e) < 0) {
            st = hvc_net_write_error(cmd, &e, cls,
                                     e.code == HV_ENG_EXISTS ? "Instance MSFT_NetIPAddress already exists" : NULL);
            ok = false;
        } else if (p.has_gw && add_default(s.nl, p.link.ifindex, &p.gw, &metric, &e) < 0) {
            hv_nl_addr_del(s.nl, p.link.ifindex, &p.ip, p.prefix, NULL); /* undo */
            st = hvc_net_write_error(cmd, &e, cls,
                                     e.code == HV_ENG_EXISTS ? "Instance DefaultGateway already exists" : NULL);
            ok = false;
        }
        if (ok && ns) {
            hv_ns_addr a = {.prefix = p.prefix, .skip_as_source = p.skip};
            snprintf(a.iface, sizeof a.iface, "%s", hv_nl_link_display_name(&p.link));
            hv_nl_ip_format(&p.ip, a.ip, sizeof a.ip);
            hv_netstate_put_addr(ns, &a);
            if (p.has_gw) {
                hv_ns_route r = {.metric = metric};
                snprintf(r.iface, sizeof r.iface, "%s", a.iface);
                snprintf(r.dst, sizeof r.dst, "%s", p.ip.family == AF_INET ? "0.0.0.0/0" : "::/0");
                hv_nl_ip_format(&p.gw, r.gateway, sizeof r.gateway);
                hv_netstate_put_route(ns, &r);
            }
        }
        if (ok)
            st = hvc_net_state_close(cmd, ns);
        else
            hv_netstate_close(ns);
        ns = NULL;
        if (ok && st == HV_OK)
            st = emit_addr(cmd, &s, p.link.ifindex, &p.ip, p.persist);
    }
    hv_netstate_close(ns);
    snap_close(&s);
    return st;
}

/* ========================= Remove-NetIPAddress / Set-NetIPAddress ========================= */

enum { RI_IP, RI_ALIAS, RI_INDEX, RI_FAMILY, RI_PREFIX, RI_GW, RI_INPUT, RI_PASSTHRU,
       RI_SKIP, RI_STORE, RI_CIM, RI__N = RI_CIM + 3 };
static const char *const sets_rmip[] = {"Query (cdxml)", "InputObject (cdxml)", NULL};
/* Remove-: the filters belong to the Query set only (-InputObject takes nothing else);     \
 * Set-: they are the new values, so every set (query_sets 0 = all). */                       \
#define RI_PARAMS(skip_help, prefix_flags, query_sets)                                        \
    [RI_IP] = {.name = "IPAddress", .type = HV_PT_STRING, .position = 0,                      \
               .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(0),              \
               .aliases = al_local, .help = "Addresses."},                                    \
    P_ALIASV(RI_ALIAS, HV_SET(0), 0),                                                        \
    P_INDEXV(RI_INDEX, HV_SET(0), 0),                                                        \
    P_FAMILYV(RI_FAMILY, HV_SET(0)),                                                         \
    [RI_PREFIX] = {.name = "PrefixLength", .type = HV_PT_UINT8, .position = HV_POS_NAMED,     \
                   .flags = prefix_flags, .sets = query_sets, .help = "Prefix length."},      \
    [RI_GW] = {.name = "DefaultGateway", .type = HV_PT_STRING, .position = HV_POS_NAMED,      \
               .sets = HV_SET(0), .help = "Also remove the default route via this gateway."}, \
    [RI_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,         \
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = HV_SET(1), \
                  .help = "Addresses from Get-NetIPAddress."},                                \
    [RI_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,      \
                     .help = "Emit the affected addresses."},                                 \
    [RI_SKIP] = {.name = "SkipAsSource", .type = HV_PT_BOOL, .position = HV_POS_NAMED,        \
                 .sets = query_sets, .help = skip_help},                                      \
    [RI_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,      \
                  .sets = query_sets, .help = "ActiveStore leaves the saved state alone."},   \
    CIM_COMMON(RI_CIM)

static const hv_param_def rmip_params[RI__N + 1] = {RI_PARAMS("Filter on SkipAsSource.", HV_PF_ARRAY, HV_SET(0))};
static const hv_param_def setip_params[RI__N + 1] = {RI_PARAMS("New SkipAsSource value.", 0, 0)};

typedef struct {
    hv_nl_addr *v;
    size_t n;
} addr_list;

/* Addresses selected by the Query set filters or the InputObject set. */
static hv_status
select_addrs(hv_cmd *cmd, net_snapshot *s, addr_list *out, bool for_set)
{
    out->v = NULL;
    out->n = 0;
    hv_nl_addr *v;
    size_t n;
    hv_eng_err e;
    if (hv_nl_addrs(s->nl, AF_UNSPEC, 0, &v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetIPAddress", NULL));
    out->v = hv_xcalloc(n + 1, sizeof *out->v);
    const hv_value *in = hv_cmd_arg(cmd, RI_INPUT);
    if_filter f;
    filter_init(cmd, &f, RI_ALIAS, RI_INDEX);
    hv_status st = filter_check(cmd, &f, s, "MSFT_NetIPAddress");
    size_t nip;
    const char **ips = hvc_net_arg_strv(cmd, RI_IP, &nip);
    uint32_t *pl = NULL;
    size_t npl = 0;
    if (!for_set)
        hvc_net_arg_u32v(cmd, RI_PREFIX, &pl, &npl);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        char ip[64];
        hv_nl_ip_format(&v[i].addr, ip, sizeof ip);
        if (in) {
            bool hit = false;
            size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
            for (size_t k = 0; k < len && !hit; k++) {
                const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
                hv_value a = hv_get_member(hv_cmd_ctx(cmd), o, "IPAddress");
                hv_value x = hv_get_member(hv_cmd_ctx(cmd), o, "InterfaceIndex");
                hv_value as = hv_conv_to_string(&a, NULL);
                hit = !strcasecmp(hv_str_cstr(&as), ip) && hv_int_of(&x) == v[i].ifindex;
                hv_unref(as);
                hv_unref(a);
                hv_unref(x);
            }
            if (!hit)
                continue;
        } else {
            if (!filter_ok(&f, s, v[i].ifindex) ||
                !hvc_net_family_ok(cmd, RI_FAMILY, v[i].addr.family) ||
                !hvc_net_match_any(ips, nip, ip))
                continue;
            if (npl) {
                bool hit = false;
                for (size_t k = 0; k < npl; k++)
                    hit |= (int)pl[k] == v[i].prefixlen;
                if (!hit)
                    continue;
            }
            /* never touch link-local IPv6 or loopback addresses unless named explicitly */
            if (!nip && (v[i].scope == RT_SCOPE_HOST ||
                         (v[i].addr.family == AF_INET6 && v[i].addr.addr[0] == 0xfe)))
                continue;
        }
        out->v[out->n++] = v[i];
    }
    for (size_t k = 0; k < nip && st == HV_OK && !in; k++) {
        if (hv_wildcard_has_meta(ips[k]))
            continue;
        bool hit = false;
        for (size_t j = 0; j < out->n && !hit; j++) {
            char ip[64];
            hit = !strcasecmp(hv_nl_ip_format(&out->v[j].addr, ip, sizeof ip), ips[k]);
        }
        if (!hit)
            st = hvc_net_not_found(cmd, "MSFT_NetIPAddress", "IPAddress", ips[k]);
    }
    free(ips);
    free(pl);
    free(v);
    filter_free(&f);
    return st;
}

/* Linux drops the routes through a gateway when the address that made the gateway on-link
 * goes; Windows keeps them (scripts remove the address, then Remove-NetRoute, then add the
 * new address with -DefaultGateway). Routes via a gateway on ifindex are listed before the
 * delete and the ones the kernel flushed are put back as on-link routes. */
static size_t
gateway_routes(hv_nl *nl, int family, int ifindex, hv_nl_route **out)
{
    hv_nl_route *v = NULL;
    size_t n = 0, k = 0;
    *out = NULL;
    if (hv_nl_routes(nl, family, &v, &n, NULL) < 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].oif == ifindex && v[i].has_gateway && v[i].protocol != RTPROT_KERNEL)
            v[k++] = v[i];
    *out = v;
    return k;
}

static bool
same_route(const hv_nl_route *a, const hv_nl_route *b)
{
    char x[64], y[64], g1[64], g2[64];
    return a->dst_len == b->dst_len && a->oif == b->oif && a->metric == b->metric &&
           !strcmp(hv_nl_ip_format(&a->dst, x, sizeof x), hv_nl_ip_format(&b->dst, y, sizeof y)) &&
           !strcmp(hv_nl_ip_format(&a->gateway, g1, sizeof g1),
                   hv_nl_ip_format(&b->gateway, g2, sizeof g2));
}

/* skip_gw: the -DefaultGateway being removed too (its default route is not put back).
 * Returns -1 with *err filled when a route could not be put back. */
static int
restore_gateway_routes(hv_nl *nl, int family, int ifindex, const hv_nl_route *before, size_t nb,
                       const char *skip_gw, hv_eng_err *err)
{
    hv_nl_route *now = NULL;
    size_t nn = gateway_routes(nl, family, ifindex, &now);
    int rc = 0;
    for (size_t i = 0; i < nb && rc == 0; i++) {
        char g[64];
        if (skip_gw && *skip_gw && before[i].dst_len == 0 &&
            !strcmp(hv_nl_ip_format(&before[i].gateway, g, sizeof g), skip_gw))
            continue;
        bool present = false;
        for (size_t j = 0; j < nn && !present; j++)
            present = same_route(&before[i], &now[j]);
        if (present)
            continue;
        hv_nl_route r = before[i];
        r.onlink = true;
        r.has_prefsrc = false; /* the source address is the one just removed */
        rc = hv_nl_route_add(nl, &r, err);
    }
    free(now);
    return rc;
}

static hv_status
rmip_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    addr_list al = {0};
    if (st == HV_OK)
        st = select_addrs(cmd, &s, &al, false);
    const char *gwt = hvc_net_arg_str(cmd, RI_GW);
    bool persist = persistent(cmd, RI_STORE);
    for (size_t i = 0; i < al.n && st == HV_OK; i++) {
        const hv_nl_addr *a = &al.v[i];
        char ip[64], target[400];
        const char *ifn = ifname_of(&s, a->ifindex);
        hv_nl_ip_format(&a->addr, ip, sizeof ip);
        hv_nl_link l = {0};
        if (hv_nl_link_get(s.nl, a->ifindex, &l, NULL) < 0)
            snprintf(l.name, sizeof l.name, "%d", a->ifindex);
        snprintf(target, sizeof target, "%s/%d on \"%s\" (ip address del %s/%d dev %s)", ip,
                 a->prefixlen, ifn, ip, a->prefixlen, l.name);
        if (!hv_should_process(cmd, target, "Remove-NetIPAddress"))
            continue;
        hv_value obj = hvc_net_ipaddr_obj(a, ifn, "ActiveStore");
        hv_netstate *ns = NULL;
        if (persist && (st = hvc_net_state_open(cmd, &ns)) != HV_OK) {
            hv_unref(obj);
            break;
        }
        hv_eng_err e;
        hv_nl_route *gw_before = NULL;
        size_t ngw = gateway_routes(s.nl, a->addr.family, a->ifindex, &gw_before);
        /* the -DefaultGateway's routes go first, while a failure still leaves everything as
         * it was; they are put back exactly as read if the address cannot be removed */
        size_t gw_gone = 0;
        bool gw_fail = false;
        for (size_t k = 0; gwt && *gwt && k < ngw && !gw_fail; k++) {
            char g[64];
            if (gw_before[k].dst_len != 0 ||
                strcmp(hv_nl_ip_format(&gw_before[k].gateway, g, sizeof g), gwt))
                continue;
            if (hv_nl_route_del(s.nl, &gw_before[k], &e) < 0) {
                gw_fail = e.code != HV_ENG_NOT_FOUND;
                continue;
            }
            hv_nl_route keep = gw_before[gw_gone]; /* deleted ones gather at the front */
            gw_before[gw_gone++] = gw_before[k];
            gw_before[k] = keep;
        }
        if (gw_fail || hv_nl_addr_del(s.nl, a->ifindex, &a->addr, a->prefixlen, &e) < 0) {
            for (size_t k = 0; k < gw_gone; k++)
                hv_nl_route_add(s.nl, &gw_before[k], NULL);
            free(gw_before);
            hv_netstate_close(ns);
            hv_unref(obj);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetIPAddress", NULL);
            continue;
        }
        if (restore_gateway_routes(s.nl, a->addr.family, a->ifindex, gw_before, ngw, gwt, &e) < 0) {
            free(gw_before);
            hv_netstate_close(ns);
            hv_unref(obj);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetRoute", NULL);
            continue;
        }
        free(gw_before);
        if (ns)
            hv_netstate_del_addr(ns, ifn, ip);
        if (gwt && *gwt) {
            hv_nl_route r = {.family = a->addr.family, .has_gateway = true, .oif = a->ifindex};
            r.dst.family = a->addr.family;
            if (hv_nl_ip_parse(gwt, a->addr.family, &r.gateway, NULL) == 0) {
                if (!gw_gone) /* not among the routes read: whatever the kernel still has */
                    hv_nl_route_del(s.nl, &r, NULL);
                if (ns)
                    hv_netstate_del_route(ns, ifn, a->addr.family == AF_INET ? "0.0.0.0/0" : "::/0", gwt);
            }
        }
        st = hvc_net_state_close(cmd, ns);
        if (st == HV_OK && hv_cmd_switch(cmd, RI_PASSTHRU))
            st = hv_emit(cmd, obj);
        else
            hv_unref(obj);
    }
    free(al.v);
    snap_close(&s);
    return st;
}

static hv_status
setip_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    addr_list al = {0};
    if (st == HV_OK)
        st = select_addrs(cmd, &s, &al, true);
    bool persist = persistent(cmd, RI_STORE);
    for (size_t i = 0; i < al.n && st == HV_OK; i++) {
        hv_nl_addr a = al.v[i];
        const char *ifn = ifname_of(&s, a.ifindex);
        int max = a.addr.family == AF_INET ? 32 : 128;
        int prefix = hv_cmd_bound(cmd, RI_PREFIX) ? (int)hvc_net_arg_int(cmd, RI_PREFIX, 0) : a.prefixlen;
        int skipv = hvc_net_arg_bool(cmd, RI_SKIP, -1);
        bool was_skip = a.valid_lft == HV_NL_INFINITE && a.preferred_lft == 0;
        bool skip = skipv < 0 ? was_skip : skipv == 1;
        if (prefix < 1 || prefix > max) {
            st = fail(cmd, HV_ENG_INVALID, "MSFT_NetIPAddress",
                      "Invalid parameter PrefixLength: %d is not valid for an %s address.",
                      prefix, hvc_net_family_name(a.addr.family));
            break;
        }
        char ip[64], target[400];
        hv_nl_ip_format(&a.addr, ip, sizeof ip);
        snprintf(target, sizeof target, "%s on \"%s\" (prefix /%d -> /%d, SkipAsSource %s)", ip,
                 ifn, a.prefixlen, prefix, skip ? "True" : "False");
        if (!hv_should_process(cmd, target, "Set-NetIPAddress"))
            continue;
        /* the state file is made ready before the kernel changes (nothing half-done) */
        hv_netstate *ns = NULL;
        if (persist && (st = hvc_net_state_open(cmd, &ns)) != HV_OK)
            break;
        hv_eng_err e;
        int rc;
        if (prefix == a.prefixlen) {
            rc = hv_nl_addr_replace(s.nl, a.ifindex, &a.addr, prefix, 0,
                                    skip ? 0 : HV_NL_INFINITE, &e);
        } else { /* a new prefix is a new kernel address: add, then remove the old one */
            rc = hv_nl_addr_add(s.nl, a.ifindex, &a.addr, prefix, 0, skip ? 0 : HV_NL_INFINITE, &e);
            if (rc == 0 && hv_nl_addr_del(s.nl, a.ifindex, &a.addr, a.prefixlen, &e) < 0) {
                hv_nl_addr_del(s.nl, a.ifindex, &a.addr, prefix, NULL);
                rc = -1;
            }
        }
        if (rc < 0) {
            hv_netstate_close(ns);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetIPAddress", NULL);
            continue;
        }
        if (persist) {
            if (ns) {
                hv_ns_addr sa = {.prefix = prefix, .skip_as_source = skip};
                snprintf(sa.iface, sizeof sa.iface, "%s", ifn);
                hv_nl_ip_format(&a.addr, sa.ip, sizeof sa.ip);
                hv_netstate_put_addr(ns, &sa);
            }
            st = hvc_net_state_close(cmd, ns);
        }
        if (st == HV_OK && hv_cmd_switch(cmd, RI_PASSTHRU))
            st = emit_addr(cmd, &s, a.ifindex, &a.addr, false);
    }
    free(al.v);
    snap_close(&s);
    return st;
}

/* ================================ NetRoute ================================ */

enum { GR_DEST, GR_ALIAS, GR_INDEX, GR_NEXTHOP, GR_FAMILY, GR_METRIC, GR_STORE, GR_INPUT,
       GR_PASSTHRU, GR_CIM, GR__N = GR_CIM + 3 };
static const char *const sets_route[] = {"ByName", "InputObject (cdxml)", NULL};
static const hv_param_def getroute_params[GR__N + 1] = {
    [GR_DEST] = {.name = "DestinationPrefix", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(0),
                 .help = "Destination prefixes (\"0.0.0.0/0\")."},
    P_ALIASV(GR_ALIAS, HV_SET(0), 0),
    P_INDEXV(GR_INDEX, HV_SET(0), 0),
    [GR_NEXTHOP] = {.name = "NextHop", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .sets = HV_SET(0), .help = "Gateways."},
    P_FAMILYV(GR_FAMILY, HV_SET(0)),
    [GR_METRIC] = {.name = "RouteMetric", .type = HV_PT_UINT16, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .sets = HV_SET(0), .help = "Route metrics."},
    [GR_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "ActiveStore (default)."},
    [GR_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = HV_SET(1),
                  .help = "Routes from Get-NetRoute."},
    [GR_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the removed routes."},
    CIM_COMMON(GR_CIM),
};

static void
route_prefix(const hv_nl_route *r, char *out, size_t n)
{
    char d[64];
    snprintf(out, n, "%s/%d", hv_nl_ip_format(&r->dst, d, sizeof d), r->dst_len);
}

static void
route_hop(const hv_nl_route *r, char *out, size_t n)
{
    if (r->has_gateway)
        hv_nl_ip_format(&r->gateway, out, n);
    else
        snprintf(out, n, "%s", r->family == AF_INET6 ? "::" : "0.0.0.0");
}

static hv_status
select_routes(hv_cmd *cmd, net_snapshot *s, hv_nl_route **out, size_t *nout)
{
    hv_nl_route *v;
    size_t n;
    hv_eng_err e;
    *out = NULL;
    *nout = 0;
    if (hv_nl_routes(s->nl, AF_UNSPEC, &v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetRoute", NULL));
    if_filter f;
    filter_init(cmd, &f, GR_ALIAS, GR_INDEX);
    hv_status st = filter_check(cmd, &f, s, "MSFT_NetRoute");
    size_t nd, nh;
    const char **dests = hvc_net_arg_strv(cmd, GR_DEST, &nd);
    const char **hops = hvc_net_arg_strv(cmd, GR_NEXTHOP, &nh);
    uint32_t *metrics;
    size_t nm;
    hvc_net_arg_u32v(cmd, GR_METRIC, &metrics, &nm);
    const hv_value *in = hv_cmd_arg(cmd, GR_INPUT);
    *out = hv_xcalloc(n + 1, sizeof **out);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        char pfx[80], hop[64];
        route_prefix(&v[i], pfx, sizeof pfx);
        route_hop(&v[i], hop, sizeof hop);
        if (in) {
            bool hit = false;
            size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
            for (size_t k = 0; k < len && !hit; k++) {
                const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
                hv_value d = hv_get_member(hv_cmd_ctx(cmd), o, "DestinationPrefix");
                hv_value h = hv_get_member(hv_cmd_ctx(cmd), o, "NextHop");
                hv_value x = hv_get_member(hv_cmd_ctx(cmd), o, "InterfaceIndex");
                hv_value ds = hv_conv_to_string(&d, NULL), hs = hv_conv_to_string(&h, NULL);
                hit = !strcasecmp(hv_str_cstr(&ds), pfx) && !strcasecmp(hv_str_cstr(&hs), hop) &&
                      hv_int_of(&x) == v[i].oif;
                hv_unref(ds), hv_unref(hs), hv_unref(d), hv_unref(h), hv_unref(x);
            }
            if (!hit)
                continue;
        } else {
            if (!filter_ok(&f, s, v[i].oif) || !hvc_net_family_ok(cmd, GR_FAMILY, v[i].family) ||
                !hvc_net_match_any(dests, nd, pfx) || !hvc_net_match_any(hops, nh, hop))
                continue;
            bool mok = !nm;
            for (size_t k = 0; k < nm; k++)
                mok |= metrics[k] == v[i].metric;
            if (!mok)
                continue;
        }
        (*out)[(*nout)++] = v[i];
    }
    if (st == HV_OK && !in && !*nout && (nd || nh))
        st = hv_write_error(cmd, hv_error_new_ex(
                                     cmd, "Microsoft.PowerShell.Cmdletization.Cim.CimJobException",
                                     HV_CAT_ObjectNotFound, "CmdletizationQuery_NotFound", NULL,
                                     "No matching MSFT_NetRoute objects found by CIM query for "
                                     "instances of the ROOT/StandardCimv2/MSFT_NetRoute class on "
                                     "the  CIM server: SELECT * FROM MSFT_NetRoute  WHERE "
                                     "((DestinationPrefix LIKE '%s')). Verify query parameters "
                                     "and retry.", nd ? dests[0] : "*"));
    free(dests);
    free(hops);
    free(metrics);
    free(v);
    filter_free(&f);
    return st;
}

static hv_status
getroute_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    hv_nl_route *v = NULL;
    size_t n = 0;
    if (st == HV_OK)
        st = select_routes(cmd, &s, &v, &n);
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = hv_emit(cmd, hvc_net_route_obj(&v[i], ifname_of(&s, v[i].oif), "ActiveStore"));
    free(v);
    snap_close(&s);
    return st;
}

static hv_status
rmroute_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    hv_nl_route *v = NULL;
    size_t n = 0;
    if (st == HV_OK)
        st = select_routes(cmd, &s, &v, &n);
    bool persist = persistent(cmd, GR_STORE);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        char pfx[80], hop[64], target[400];
        route_prefix(&v[i], pfx, sizeof pfx);
        route_hop(&v[i], hop, sizeof hop);
        const char *ifn = ifname_of(&s, v[i].oif);
        snprintf(target, sizeof target, "%s via %s on \"%s\" (ip route del %s%s%s)", pfx, hop,
                 ifn, pfx, v[i].has_gateway ? " via " : "", v[i].has_gateway ? hop : "");
        if (!hv_should_process(cmd, target, "Remove-NetRoute"))
            continue;
        hv_netstate *ns = NULL;
        if (persist && (st = hvc_net_state_open(cmd, &ns)) != HV_OK)
            break;
        hv_eng_err e;
        if (hv_nl_route_del(s.nl, &v[i], &e) < 0) {
            hv_netstate_close(ns);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetRoute", NULL);
            continue;
        }
        if (ns)
            hv_netstate_del_route(ns, ifn, pfx, v[i].has_gateway ? hop : "");
        st = hvc_net_state_close(cmd, ns);
        if (st == HV_OK && hv_cmd_switch(cmd, GR_PASSTHRU))
            st = hv_emit(cmd, hvc_net_route_obj(&v[i], ifn, "ActiveStore"));
    }
    free(v);
    snap_close(&s);
    return st;
}

enum { NR_DEST, NR_ALIAS, NR_INDEX, NR_NEXTHOP, NR_METRIC, NR_FAMILY, NR_STORE, NR_CIM,
       NR__N = NR_CIM + 3 };
static const char *const sets_newroute[] = {"ByAlias", "ByIfIndex", NULL};
static const hv_param_def newroute_params[NR__N + 1] = {
    [NR_DEST] = {.name = "DestinationPrefix", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY, .help = "Destination (CIDR)."},
    [NR_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(0),
                  .aliases = al_ifalias, .help = "The interface."},
    [NR_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(1),
                  .aliases = al_ifindex, .help = "The interface index."},
    [NR_NEXTHOP] = {.name = "NextHop", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .help = "Gateway (omitted or 0.0.0.0 / :: = on-link)."},
    [NR_METRIC] = {.name = "RouteMetric", .type = HV_PT_UINT16, .position = HV_POS_NAMED,
                   .help = "Metric (default 256)."},
    [NR_FAMILY] = {.name = "AddressFamily", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                   .accepted = fam_names, .help = "IPv4 or IPv6."},
    [NR_STORE] = {.name = "PolicyStore", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                  .accepted = store_names, .help = "ActiveStore = not saved."},
    CIM_COMMON(NR_CIM),
};

static hv_status
newroute_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *cls = "MSFT_NetRoute";
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    hv_nl_link l;
    bool found = false;
    if (st == HV_OK)
        st = target_if(cmd, &s, NR_ALIAS, NR_INDEX, cls, &l, &found);
    if (st != HV_OK || !found) {
        snap_close(&s);
        return st;
    }
    hv_nl_route r = {0};
    hv_eng_err e;
    const char *dest = hvc_net_arg_str(cmd, NR_DEST);
    const char *hop = hvc_net_arg_str(cmd, NR_NEXTHOP);
    int fam = hvc_net_arg_family(cmd, NR_FAMILY);
    if (hv_nl_prefix_parse(dest, false, &r.dst, &r.dst_len, &e) < 0) {
        st = hvc_net_write_error(cmd, &e, cls, NULL);
    } else if (fam && r.dst.family != fam) {
        st = fail(cmd, HV_ENG_INVALID, cls, "Invalid parameter DestinationPrefix: %s is not an %s prefix.",
                  dest, hvc_net_family_name(fam));
    } else if (hop && *hop && hv_nl_ip_parse(hop, r.dst.family, &r.gateway, &e) < 0) {
        st = hvc_net_write_error(cmd, &e, cls, NULL);
    } else {
        r.family = r.dst.family;
        r.gateway.family = r.family;
        static const unsigned char zero[16];
        r.has_gateway = hop && *hop && memcmp(r.gateway.addr, zero, 16) != 0;
        r.oif = l.ifindex;
        r.metric = (uint32_t)hvc_net_arg_int(cmd, NR_METRIC, 256);
        char hopt[64], target[400];
        route_hop(&r, hopt, sizeof hopt);
        snprintf(target, sizeof target, "%s via %s on \"%s\" (ip route add %s%s%s dev %s metric %u)",
                 dest, hopt, hv_nl_link_display_name(&l), dest, r.has_gateway ? " via " : "",
                 r.has_gateway ? hopt : "", l.name, r.metric);
        if (hv_should_process(cmd, target, "New-NetRoute")) {
            bool persist = persistent(cmd, NR_STORE);
            hv_netstate *ns = NULL;
            if (persist)
                st = hvc_net_state_open(cmd, &ns);
            if (st == HV_OK && hv_nl_route_add(s.nl, &r, &e) < 0) {
                hv_netstate_close(ns);
                st = hvc_net_write_error(cmd, &e, cls,
                                         e.code == HV_ENG_EXISTS ? "Instance MSFT_NetRoute already exists" : NULL);
            } else if (st == HV_OK) {
                if (ns) {
                    hv_ns_route sr = {.metric = r.metric};
                    snprintf(sr.iface, sizeof sr.iface, "%s", hv_nl_link_display_name(&l));
                    route_prefix(&r, sr.dst, sizeof sr.dst);
                    if (r.has_gateway)
                        hv_nl_ip_format(&r.gateway, sr.gateway, sizeof sr.gateway);
                    hv_netstate_put_route(ns, &sr);
                }
                st = hvc_net_state_close(cmd, ns);
                if (st == HV_OK)
                    st = hv_emit(cmd, hvc_net_route_obj(&r, hv_nl_link_display_name(&l), "ActiveStore"));
                if (st == HV_OK && persist)
                    st = hv_emit(cmd, hvc_net_route_obj(&r, hv_nl_link_display_name(&l), "PersistentStore"));
            }
        }
    }
    snap_close(&s);
    return st;
}

/* ============================ Get-NetIPInterface / Configuration ============================ */

enum { GF_ALIAS, GF_INDEX, GF_FAMILY, GF_CIM, GF__N = GF_CIM + 3 };
static const hv_param_def getif_params[GF__N + 1] = {
    [GF_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                  .aliases = al_ifalias, .help = "Interface names (wildcards)."},
    P_INDEXV(GF_INDEX, HV_ALL_SETS, 0),
    P_FAMILYV(GF_FAMILY, HV_ALL_SETS),
    CIM_COMMON(GF_CIM),
};

static hv_value
ipif_obj(const hv_nl_link *l, int af, int forwarding)
{
    const char *name = hv_nl_link_display_name(l);
    bool conn = (l->flags & IFF_UP) && (l->flags & IFF_LOWER_UP);
    hv_value o = hv_obj_new(&hvc_net_cls_ipif);
    hv_obj_set(&o, "ifIndex", hv_intk(l->ifindex, HV_N_UINT32));
    hv_obj_set(&o, "InterfaceIndex", hv_intk(l->ifindex, HV_N_UINT32));
    hv_obj_set(&o, "InterfaceAlias", hv_str(name));
    hv_obj_set(&o, "ifAlias", hv_str(name));
    hv_obj_set(&o, "AddressFamily", hv_str(hvc_net_family_name(af)));
    hv_obj_set(&o, "NlMtu", hv_intk(l->mtu, HV_N_UINT32));
    hv_obj_set(&o, "InterfaceMetric", hv_intk(l->link_type == ARPHRD_LOOPBACK ? 75 : 25, HV_N_UINT32));
    hv_obj_set(&o, "Dhcp", hv_str("Disabled"));
    hv_obj_set(&o, "ConnectionState", hv_str(conn ? "Connected" : "Disconnected"));
    hv_obj_set(&o, "Forwarding", hv_str(forwarding == 1 ? "Enabled" : "Disabled"));
    hv_obj_set(&o, "PolicyStore", hv_str("ActiveStore"));
    return o;
}

static hv_status
getif_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    if_filter f;
    filter_init(cmd, &f, GF_ALIAS, GF_INDEX);
    if (st == HV_OK)
        st = filter_check(cmd, &f, &s, "MSFT_NetIPInterface");
    int fwd = hv_nl_ip_forward_get(NULL);
    static const int fams[2] = {AF_INET6, AF_INET};
    for (int k = 0; k < 2 && st == HV_OK; k++)
        for (size_t i = 0; i < s.nlinks && st == HV_OK; i++) {
            if (!filter_ok(&f, &s, s.links[i].ifindex) ||
                !hvc_net_family_ok(cmd, GF_FAMILY, fams[k]))
                continue;
            int ff = hv_sys_if_forward_get(s.links[i].name, fams[k]);
            st = hv_emit(cmd, ipif_obj(&s.links[i], fams[k],
                                       ff >= 0 ? ff : fams[k] == AF_INET ? fwd : 0));
        }
    filter_free(&f);
    snap_close(&s);
    return st;
}

/* Set-NetIPInterface: Forwarding and NlMtuBytes change the kernel (per interface and family,
 * as on Windows); Dhcp Disabled is what every interface here already is. Settings Linux has
 * no per-interface equivalent for (InterfaceMetric, Dhcp Enabled, ...) are refused rather
 * than silently ignored. */
enum { SF_ALIAS, SF_INDEX, SF_FAMILY, SF_FORWARD, SF_MTU, SF_DHCP, SF_METRIC, SF_PASSTHRU,
       SF_CIM, SF__N = SF_CIM + 3 };
static const char *const enabled_names[] = {"Disabled", "Enabled", NULL};
static const hv_param_def setif_params[SF__N + 1] = {
    [SF_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                  .aliases = al_ifalias, .help = "Interface names (wildcards)."},
    P_INDEXV(SF_INDEX, HV_ALL_SETS, 0),
    [SF_FAMILY] = {.name = "AddressFamily", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME, .accepted = fam_names,
                   .help = "IPv4 or IPv6 (default: both)."},
    [SF_FORWARD] = {.name = "Forwarding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                    .accepted = enabled_names,
                    .help = "Enabled or Disabled: whether the interface forwards packets "
                            "(net.ipv4/ipv6.conf.<interface>.forwarding)."},
    [SF_MTU] = {.name = "NlMtuBytes", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                .min = 68, .max = 65535, .help = "The MTU of the interface, in bytes."},
    [SF_DHCP] = {.name = "Dhcp", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                 .accepted = enabled_names,
                 .help = "Disabled is accepted; hvsh does not run a DHCP client (Enabled is "
                         "refused)."},
    [SF_METRIC] = {.name = "InterfaceMetric", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                   .help = "Refused: Linux has no per-interface metric (set RouteMetric on "
                           "New-NetRoute instead)."},
    [SF_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Returns the changed MSFT_NetIPInterface objects."},
    CIM_COMMON(SF_CIM),
};

static hv_status
setif_one(hv_cmd *cmd, net_snapshot *s, const hv_nl_link *l, int af, int fwd, bool mtu_done)
{
    const char *ifn = hv_nl_link_display_name(l);
    hv_eng_err e;
    if (fwd >= 0 && hv_sys_if_forward_set(l->name, af, fwd == 1, &e) < 0)
        return hvc_net_write_error(cmd, &e, "MSFT_NetIPInterface", ifn);
    if (hv_cmd_bound(cmd, SF_MTU) && !mtu_done &&
        hv_nl_link_set_mtu(s->nl, l->ifindex, (unsigned)hvc_net_arg_int(cmd, SF_MTU, 1500), &e) < 0)
        return hvc_net_write_error(cmd, &e, "MSFT_NetIPInterface", ifn);
    if (!hv_cmd_switch(cmd, SF_PASSTHRU))
        return HV_OK;
    hv_nl_link now = *l;
    if (hv_nl_link_get(s->nl, l->ifindex, &now, NULL) < 0)
        now = *l;
    int f = hv_sys_if_forward_get(l->name, af);
    return hv_emit(cmd, ipif_obj(&now, af, f < 0 ? 0 : f));
}

static hv_status
setif_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_bound(cmd, SF_METRIC))
        return fail(cmd, HV_ENG_UNSUPPORTED, "MSFT_NetIPInterface",
                    "InterfaceMetric is not supported on this host: Linux has no "
                    "per-interface metric (use New-NetRoute -RouteMetric).");
    const char *dhcp = hvc_net_arg_str(cmd, SF_DHCP);
    if (dhcp && !strcasecmp(dhcp, "Enabled"))
        return fail(cmd, HV_ENG_UNSUPPORTED, "MSFT_NetIPInterface",
                    "Dhcp Enabled is not supported: hvsh does not run a DHCP client.");
    const char *fw = hvc_net_arg_str(cmd, SF_FORWARD);
    int fwd = fw ? !strcasecmp(fw, "Enabled") : -1;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    if_filter f;
    filter_init(cmd, &f, SF_ALIAS, SF_INDEX);
    if (st == HV_OK)
        st = filter_check(cmd, &f, &s, "MSFT_NetIPInterface");
    static const int fams[2] = {AF_INET6, AF_INET};
    for (size_t i = 0; i < s.nlinks && st == HV_OK; i++) {
        const hv_nl_link *l = &s.links[i];
        if ((!f.nalias && !f.nidx) || !filter_ok(&f, &s, l->ifindex))
            continue;
        bool mtu_done = false;
        for (int k = 0; k < 2 && st == HV_OK; k++) {
            if (!hvc_net_family_ok(cmd, SF_FAMILY, fams[k]))
                continue;
            char target[300];
            snprintf(target, sizeof target, "%s (%s)", hv_nl_link_display_name(l),
                     hvc_net_family_name(fams[k]));
            if (!hv_should_process(cmd, target, "Set-NetIPInterface"))
                continue;
            st = setif_one(cmd, &s, l, fams[k], fwd, mtu_done);
            mtu_done = true; /* the MTU is the link's, shared by both families */
        }
    }
    filter_free(&f);
    snap_close(&s);
    return st;
}

enum { GC_ALIAS, GC_INDEX, GC_ALL, GC_DETAILED, GC_CIM, GC__N = GC_CIM + 3 };
static const hv_param_def getcfg_params[GC__N + 1] = {
    [GC_ALIAS] = {.name = "InterfaceAlias", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_BY_PROPERTY_NAME, .aliases = al_ifalias,
                  .help = "The interface."},
    [GC_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_PROPERTY_NAME, .aliases = al_ifindex,
                  .help = "The interface index."},
    [GC_ALL] = {.name = "All", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .help = "Include disconnected interfaces."},
    [GC_DETAILED] = {.name = "Detailed", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Accepted; the same properties are shown."},
    CIM_COMMON(GC_CIM),
};

/* One member of IPv4Address/IPv6Address/...: none -> $null (gateway) or @() (addresses), one ->
 * the object, more -> an array (as CIM properties unroll in pwsh). */
static hv_value
one_or_many(hv_value arr, bool null_when_empty)
{
    hv_value r = hv_array_len(&arr) == 1   ? hv_ref(hv_array_at(&arr, 0))
                 : hv_array_len(&arr) == 0 && null_when_empty ? hv_null()
                                                              : hv_ref(&arr);
    hv_unref(arr);
    return r;
}

static hv_value
ipconfig_obj(hv_cmd *cmd, net_snapshot *s, const hv_nl_link *l, const hv_nl_addr *addrs,
             size_t na, const hv_nl_route *routes, size_t nr, hv_netstate *ns, char **sys,
             size_t nsys)
{
    (void)cmd;
    char desc[128];
    hvc_net_description(l, s->links, s->nlinks, desc, sizeof desc);
    const char *name = hv_nl_link_display_name(l);
    hv_value o = hv_obj_new(&hvc_net_cls_ipconfig);
    hv_obj_set(&o, "InterfaceAlias", hv_str(name));
    hv_obj_set(&o, "InterfaceIndex", hv_intk(l->ifindex, HV_N_UINT32));
    hv_obj_set(&o, "InterfaceDescription", hv_str(desc));
    hv_obj_set(&o, "NetProfile.Name", hv_str(""));
    hv_value v4 = hv_array_new(2), v6 = hv_array_new(2), g4 = hv_array_new(1), g6 = hv_array_new(1);
    for (size_t i = 0; i < na; i++)
        if (addrs[i].ifindex == l->ifindex)
            hv_array_push(addrs[i].addr.family == AF_INET ? &v4 : &v6,
                          hvc_net_reclass(hvc_net_ipaddr_obj(&addrs[i], name, "ActiveStore"),
                                          &hvc_net_cls_cfg_ipaddr));
    for (size_t i = 0; i < nr; i++)
        if (routes[i].oif == l->ifindex && routes[i].dst_len == 0 && routes[i].has_gateway)
            hv_array_push(routes[i].family == AF_INET ? &g4 : &g6,
                          hvc_net_reclass(hvc_net_route_obj(&routes[i], name, "ActiveStore"),
                                          &hvc_net_cls_cfg_route));
    bool dflt4 = hv_array_len(&g4) > 0, dflt6 = hv_array_len(&g6) > 0;
    hv_obj_set(&o, "IPv4Address", one_or_many(v4, false));
    hv_obj_set(&o, "IPv6Address", one_or_many(v6, false));
    hv_obj_set(&o, "IPv6DefaultGateway", one_or_many(g6, true));
    hv_obj_set(&o, "IPv4DefaultGateway", one_or_many(g4, true));
    /* DNSServer: the MSFT_DNSClientServerAddress objects that have servers, the same list
     * Get-DnsClientServerAddress reports (the interface's own, else resolv.conf's for the
     * interface that carries the default route) */
    hv_value dns = hv_array_new(2);
    const hv_ns_dns *d = ns ? hv_netstate_dns_get(ns, name) : NULL;
    const char *own[HV_NS_MAX_DNS];
    for (size_t i = 0; d && i < d->n; i++)
        own[i] = d->servers[i];
    static const int fams[2] = {AF_INET, AF_INET6};
    for (int k = 0; k < 2; k++) {
        bool dflt = fams[k] == AF_INET ? dflt4 : dflt6;
        const char *const *list = d ? own : dflt ? (const char *const *)sys : NULL;
        size_t n = d ? d->n : dflt ? nsys : 0;
        hv_value obj = hvc_net_dns_obj(l, fams[k], list, n);
        const hv_value *sa = hv_obj_get(&obj, "ServerAddresses");
        if (sa && hv_array_len(sa))
            hv_array_push(&dns, hvc_net_reclass(obj, &hvc_net_cls_cfg_dns));
        else
            hv_unref(obj);
    }
    hv_obj_set(&o, "DNSServer", one_or_many(dns, false));
    return o;
}

static hv_status
getcfg_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    net_snapshot s;
    hv_status st = snap_open(cmd, &s);
    hv_nl_addr *addrs = NULL;
    hv_nl_route *routes = NULL;
    size_t na = 0, nr = 0;
    hv_eng_err e;
    const char *alias = hvc_net_arg_str(cmd, GC_ALIAS);
    int64_t idx = hv_cmd_bound(cmd, GC_INDEX) ? hvc_net_arg_int(cmd, GC_INDEX, -1) : -1;
    hv_nl_link one;
    bool found = true;
    if (st == HV_OK && (alias || idx >= 0))
        st = hvc_net_resolve_if(cmd, s.nl, alias, idx, "MSFT_NetIPInterface", &one, &found);
    if (st == HV_OK && found &&
        (hv_nl_addrs(s.nl, AF_UNSPEC, 0, &addrs, &na, &e) < 0 ||
         hv_nl_routes(s.nl, AF_UNSPEC, &routes, &nr, &e) < 0))
        st = hv_throw(cmd, hvc_net_error(cmd, &e, NULL, NULL));
    hv_netstate *ns = NULL;
    if (st == HV_OK && found && hv_netstate_load(&ns, NULL) < 0)
        ns = NULL;
    char **sys = NULL;
    size_t nsys = 0;
    if (st == HV_OK && found)
        hv_dns_conf_servers(hv_dns_conf_path(), &sys, &nsys, NULL);
    for (size_t i = 0; i < s.nlinks && st == HV_OK && found; i++) {
        const hv_nl_link *l = &s.links[i];
        if ((alias || idx >= 0) ? l->ifindex != one.ifindex
                                : (l->link_type == ARPHRD_LOOPBACK || !strcmp(l->kind, "tun") ||
                                   (!hv_cmd_switch(cmd, GC_ALL) && !(l->flags & IFF_UP))))
            continue;
        st = hv_emit(cmd, ipconfig_obj(cmd, &s, l, addrs, na, routes, nr, ns, sys, nsys));
    }
    hv_dns_strv_free(sys, nsys);
    hv_netstate_close(ns);
    free(addrs);
    free(routes);
    snap_close(&s);
    return st;
}

/* ================================ the module ================================ */

static const hv_example newip_examples[] = {
    {.title = "Give a switch's host adapter an address (the nested-virtualization doc)",
     .code = "Get-NetAdapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 "
             "-AddressFamily IPv4 -PrefixLength 24"},
    {.title = "An address and a default gateway",
     .code = "New-NetIPAddress -InterfaceAlias Ethernet -IPAddress 192.168.100.2 -PrefixLength 24 "
             "-DefaultGateway 192.168.100.1"},
    {0}};

static const hv_example ex_getnetipaddress[] = {{.title = "The IPv4 addresses of one interface", .code = "Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4"}, {0}};
static const hv_example ex_removenetipaddress[] = {{.title = "Remove an address without a prompt", .code = "Remove-NetIPAddress -IPAddress 192.168.100.2 -Confirm:$false"}, {0}};
static const hv_example ex_setnetipaddress[] = {{.title = "Change the prefix length of an address", .code = "Set-NetIPAddress -InterfaceAlias Ethernet -IPAddress 192.168.100.2 -PrefixLength 16"}, {0}};
static const hv_example ex_getnetroute[] = {{.title = "The default routes", .code = "Get-NetRoute -DestinationPrefix 0.0.0.0/0"}, {0}};
static const hv_example ex_newnetroute[] = {{.title = "A route through a gateway", .code = "New-NetRoute -DestinationPrefix 10.0.0.0/8 -InterfaceAlias Ethernet -NextHop 192.168.100.1"}, {0}};
static const hv_example ex_removenetroute[] = {{.title = "Remove a route without a prompt", .code = "Remove-NetRoute -DestinationPrefix 10.0.0.0/8 -Confirm:$false"}, {0}};
static const hv_example ex_getnetipinterface[] = {{.title = "The IPv4 interfaces", .code = "Get-NetIPInterface -AddressFamily IPv4"}, {0}};
static const hv_example ex_setnetipinterface[] = {{.title = "Turn on IPv4 forwarding on an interface", .code = "Set-NetIPInterface -InterfaceAlias Ethernet -AddressFamily IPv4 -Forwarding Enabled"}, {.title = "Set the MTU of every interface of a switch", .code = "Get-NetIPInterface -InterfaceAlias 'vEthernet (VmNAT)' | Set-NetIPInterface -NlMtuBytes 1400"}, {0}};
static const hv_example ex_getnetipconfiguration[] = {{.title = "Addresses, gateway and DNS servers of an interface", .code = "Get-NetIPConfiguration -InterfaceAlias Ethernet"}, {0}};
static const hv_example ex_netsh[] = {{.title = "The nested-virtualization doc's DNS server", .code = "Netsh interface ip add dnsserver \"Ethernet\" address=1.1.1.1"}, {0}};

static const hv_cmdlet_def nettcpip_cmdlets[] = {
    {.name = "Get-NetIPAddress", .examples = ex_getnetipaddress, .params = getip_params, .ops = {.process = getip_process},
     .synopsis = "Gets the IP address configuration.",
     .description = "Lists the interfaces' IPv4 and IPv6 addresses as MSFT_NetIPAddress "
                    "objects. -PolicyStore PersistentStore lists what hvsh saved for restore.",
     .output_type = HVC_NET_CIM "MSFT_NetIPAddress",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netipaddress"},
    {.name = "New-NetIPAddress", .sets = sets_newip, .default_set = 0, .params = newip_params,
     .ops = {.process = newip_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Creates and configures an IP address.",
     .description = "Adds the address to the interface (and, with -DefaultGateway, a default "
                    "route on it). Unless -PolicyStore ActiveStore is given the address is "
                    "saved and `hvsh -Restore` puts it back after a reboot. Emits the address "
                    "twice, for the ActiveStore and the PersistentStore, as Windows does.",
     .output_type = HVC_NET_CIM "MSFT_NetIPAddress", .examples = newip_examples,
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/new-netipaddress"},
    {.name = "Remove-NetIPAddress", .examples = ex_removenetipaddress, .sets = sets_rmip, .default_set = 0, .params = rmip_params,
     .ops = {.process = rmip_process}, .flags = HV_CF_SHOULD_PROCESS | HV_CF_CONFIRM_HIGH,
     .synopsis = "Removes an IP address and its configuration.",
     .output_type = "None, or MSFT_NetIPAddress with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/remove-netipaddress"},
    {.name = "Set-NetIPAddress", .examples = ex_setnetipaddress, .sets = sets_rmip, .default_set = 0, .params = setip_params,
     .ops = {.process = setip_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Modifies the configuration of an IP address (PrefixLength, SkipAsSource).",
     .output_type = "None, or MSFT_NetIPAddress with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/set-netipaddress"},
    {.name = "Get-NetRoute", .examples = ex_getnetroute, .sets = sets_route, .default_set = 0, .params = getroute_params,
     .ops = {.process = getroute_process},
     .synopsis = "Gets the IP route information from the IP routing table.",
     .output_type = HVC_NET_CIM "MSFT_NetRoute",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netroute"},
    {.name = "New-NetRoute", .examples = ex_newnetroute, .sets = sets_newroute, .default_set = 0, .params = newroute_params,
     .ops = {.process = newroute_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Creates a route in the IP routing table.",
     .output_type = HVC_NET_CIM "MSFT_NetRoute",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/new-netroute"},
    {.name = "Remove-NetRoute", .examples = ex_removenetroute, .sets = sets_route, .default_set = 0, .params = getroute_params,
     .ops = {.process = rmroute_process}, .flags = HV_CF_SHOULD_PROCESS | HV_CF_CONFIRM_HIGH,
     .synopsis = "Deletes IP routes from the IP routing table.",
     .output_type = "None, or MSFT_NetRoute with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/remove-netroute"},
    {.name = "Get-NetIPInterface", .examples = ex_getnetipinterface, .params = getif_params, .ops = {.process = getif_process},
     .synopsis = "Gets an IP interface (one per interface and address family).",
     .output_type = HVC_NET_CIM "MSFT_NetIPInterface",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netipinterface"},
    {.name = "Set-NetIPInterface", .examples = ex_setnetipinterface, .params = setif_params,
     .ops = {.process = setif_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Modifies an IP interface (forwarding, MTU).",
     .description = "The Set-NetIPInterface cmdlet modifies IP interface properties: "
                    "-Forwarding Enabled|Disabled sets the interface's forwarding for the "
                    "address family (both families unless -AddressFamily is given), "
                    "-NlMtuBytes the link MTU. -Dhcp Disabled is accepted; settings without "
                    "a Linux equivalent are refused with an error.",
     .output_type = "None, or MSFT_NetIPInterface with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/set-netipinterface"},
    {.name = "Get-NetIPConfiguration", .examples = ex_getnetipconfiguration, .params = getcfg_params,
     .ops = {.process = getcfg_process},
     .synopsis = "Gets IP network configuration (addresses, gateways, DNS servers).",
     .output_type = "NetIPConfiguration",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/get-netipconfiguration"},
    {.name = "netsh", .examples = ex_netsh, .ops = {.end = hvc_net_netsh_end}, .flags = HV_CF_NO_COMMON,
     .synopsis = "Network shell: the `interface ip` commands, mapped onto hvsh's engine.",
     .description = "Supports `interface ip|ipv4|ipv6` with add/set/delete/show of address and "
                    "dnsservers (dnsserver, dns...), accepting unambiguous prefixes of every "
                    "keyword and tags (name=, address=, mask=, gateway=, index=, source=) or "
                    "positional values, as netsh does.",
     .online = "https://learn.microsoft.com/windows-server/administration/windows-commands/netsh-interface"},
    {.name = NULL},
};

const hv_module_def hv_mod_nettcpip = {
    .name = "NetTCPIP", .version = "1.0.0.0", .cmdlets = nettcpip_cmdlets};
