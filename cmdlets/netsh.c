/* netsh.c — `netsh interface ip ...` as a built-in mapped onto hvsh's engine, so the
 * nested-virtualization doc's `Netsh interface ip add dnsserver "Ethernet" address=...`
 * works. Like netsh, every keyword (context, verb, noun, tag) may be abbreviated to an
 * unambiguous prefix (`int ip add dns`), and arguments are `tag=value` or positional in the
 * command's tag order. Messages go to the output as netsh prints them; failures set
 * $LASTEXITCODE to 1. */
#include "cmdlets/net.h"

#include <arpa/inet.h>
#include <linux/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#define MSG_SYNTAX "The syntax supplied for this command is not valid. Check help for the correct syntax."
#define MSG_NOIF "The filename, directory name, or volume label syntax is incorrect."

typedef enum { V_ADD, V_SET, V_DELETE, V_SHOW } verb;
typedef enum { N_ADDRESS, N_DNS, N_CONFIG } noun;

static const char *const verbs[] = {"add", "set", "delete", "show", "dump", "reset", NULL};
static const char *const nouns_add[] = {"address", "dnsservers", "winsservers", "route",
                                        "neighbors", "excludedportrange", NULL};
static const char *const nouns_show[] = {"addresses", "config", "dnsservers", "winsservers",
                                         "interfaces", "route", "neighbors", NULL};

/* Keyword index: exact match, else the one keyword the token is a prefix of. -1 none/ambiguous. */
static int
kw(const char *tok, const char *const *list)
{
    int hit = -1;
    size_t n = strlen(tok);
    if (!n)
        return -1;
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(tok, list[i]))
            return i;
    for (int i = 0; list[i]; i++) {
        if (!strncasecmp(tok, list[i], n)) {
            if (hit >= 0)
                return -1;
            hit = i;
        }
    }
    return hit;
}

typedef struct {
    hv_cmd *cmd;
    int family;          /* AF_INET for ip/ipv4, AF_INET6 for ipv6 */
    const char *val[8];  /* argument values by tag position */
    int rc;
} nsh;

static hv_status
out(nsh *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static hv_status
out(nsh *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    if (vasprintf(&text, fmt, ap) < 0)
        abort();
    va_end(ap);
    return hv_emit(s->cmd, hv_str_take(text));
}

static hv_status
failmsg(nsh *s, const char *msg)
{
    s->rc = 1;
    hv_status st = out(s, "%s", msg);
    return st == HV_OK ? out(s, "%s", "") : st;
}

/* Bind args[from..] to tags: "tag=value" by (prefix-matched) tag, else positionally. */
static bool
bind_args(nsh *s, char **args, size_t n, size_t from, const char *const *tags)
{
    size_t ntags = 0, next = 0;
    while (tags[ntags])
        ntags++;
    memset(s->val, 0, sizeof s->val);
    for (size_t i = from; i < n; i++) {
        char *eq = strchr(args[i], '=');
        if (eq) {
            *eq = 0;
            int t = kw(args[i], tags);
            *eq = '=';
            if (t < 0 || s->val[t])
                return false;
            s->val[t] = eq + 1;
            continue;
        }
        while (next < ntags && s->val[next])
            next++;
        if (next >= ntags)
            return false;
        s->val[next++] = args[i];
    }
    return true;
}

static bool
find_if(nsh *s, hv_nl *nl, hv_nl_link *l)
{
    const char *name = s->val[0];
    if (!name)
        return false;
    char *end;
    long idx = strtol(name, &end, 10); /* netsh takes an interface name or index */
    if (!*end && idx > 0 && hv_nl_link_get(nl, (int)idx, l, NULL) == 0)
        return true;
    return hv_nl_link_find(nl, name, l, NULL) == 0;
}

/* ---------------------------------- DNS servers ---------------------------------- */

static hv_status
dns_cmd(nsh *s, hv_nl *nl, verb v)
{
    hv_nl_link l;
    if (!find_if(s, nl, &l))
        return failmsg(s, s->val[0] ? MSG_NOIF : MSG_SYNTAX);
    const char *name = hv_nl_link_display_name(&l);
    hv_netstate *ns;
    hv_eng_err e;
    if (hv_netstate_open(&ns, &e) < 0)
        return failmsg(s, e.msg);
    /* the state file is made ready before resolv.conf changes (nothing half-done) */
    if (hv_netstate_prepare(ns, &e) < 0) {
        hv_netstate_close(ns);
        return failmsg(s, e.msg);
    }
    const hv_ns_dns *cur = hv_netstate_dns_get(ns, name);
    const char *list[HV_NS_MAX_DNS + 1];
    size_t n = 0;
    for (size_t i = 0; cur && i < cur->n; i++)
        list[n++] = cur->servers[i];
    const char *addr = s->val[1];
    hv_nl_ip ip;
    hv_status st = HV_OK;
    bool ok = true;
    if (v == V_ADD) {
        /* add dnsservers name address index validate */
        if (!addr || hv_nl_ip_parse(addr, s->family, &ip, NULL) < 0) {
            ok = false, st = failmsg(s, MSG_SYNTAX);
        } else {
            bool dup = false;
            for (size_t i = 0; i < n; i++)
                dup |= !strcasecmp(list[i], addr);
            long at = s->val[2] ? strtol(s->val[2], NULL, 10) : (long)n + 1;
            if (dup) {
                ok = false, st = failmsg(s, "The object already exists.");
            } else if (n >= HV_NS_MAX_DNS || at < 1) {
                ok = false, st = failmsg(s, MSG_SYNTAX);
            } else {
                size_t pos = (size_t)at - 1 > n ? n : (size_t)at - 1;
                memmove(&list[pos + 1], &list[pos], (n - pos) * sizeof *list);
                list[pos] = addr;
                n++;
            }
        }
    } else if (v == V_SET) {
        /* set dnsservers name source address register validate */
        const char *src = s->val[1];
        addr = s->val[2];
        static const char *const sources[] = {"static", "dhcp", NULL};
        int k = src ? kw(src, sources) : -1;
        if (k == 1) {
            n = 0;
        } else if (k == 0 && addr && !strcasecmp(addr, "none")) {
            n = 0;
        } else if (k == 0 && addr && hv_nl_ip_parse(addr, s->family, &ip, NULL) == 0) {
            list[0] = addr;
            n = 1;
        } else {
            ok = false, st = failmsg(s, MSG_SYNTAX);
        }
    } else {
        /* delete dnsservers name address validate */
        if (!addr) {
            ok = false, st = failmsg(s, MSG_SYNTAX);
        } else if (!strcasecmp(addr, "all")) {
            n = 0;
        } else {
            size_t w = 0;
            for (size_t i = 0; i < n; i++)
                if (strcasecmp(list[i], addr))
                    list[w++] = list[i];
            if (w == n)
                ok = false, st = failmsg(s, "Element not found.");
            n = w;
        }
    }
    if (ok) {
        char copy[HV_NS_MAX_DNS][46];
        for (size_t i = 0; i < n; i++) /* list may point into the record we replace */
            snprintf(copy[i], sizeof copy[i], "%s", list[i]);
        for (size_t i = 0; i < n; i++)
            list[i] = copy[i];
        hv_netstate_set_dns(ns, name, list, n);
        st = hvc_net_dns_apply(s->cmd, nl, ns, name);
        if (st == HV_OK && hv_netstate_save(ns, &e) < 0)
            st = failmsg(s, e.msg);
        if (st == HV_OK)
            st = out(s, "%s", "");
    }
    hv_netstate_close(ns);
    return st;
}

/* ---------------------------------- addresses ---------------------------------- */

/* "255.255.255.0" or "24" -> prefix length; -1 if invalid. */
static int
mask_len(const char *m, int family)
{
    if (!m)
        return family == AF_INET6 ? 64 : -1;
    char *end;
    long n = strtol(m, &end, 10);
    if (!*end)
        return n >= 0 && n <= (family == AF_INET6 ? 128 : 32) ? (int)n : -1;
    struct in_addr a;
    if (family != AF_INET || inet_pton(AF_INET, m, &a) != 1)
        return -1;
    uint32_t v = ntohl(a.s_addr);
    int len = __builtin_popcount(v);
    return (uint32_t)(len ? ~0u << (32 - len) : 0) == v ? len : -1;
}

static hv_status
record_addr(nsh *s, const char *ifname, const char *ip, int prefix, const char *gw, bool add)
{
    hv_netstate *ns;
    if (hv_netstate_open(&ns, NULL) < 0)
        return HV_OK; /* not saved; the change itself is made */
    if (add) {
        hv_ns_addr a = {.prefix = prefix};
        snprintf(a.iface, sizeof a.iface, "%s", ifname);
        snprintf(a.ip, sizeof a.ip, "%s", ip);
        hv_netstate_put_addr(ns, &a);
    } else {
        hv_netstate_del_addr(ns, ifname, ip);
    }
    if (gw) {
        const char *dst = s->family == AF_INET ? "0.0.0.0/0" : "::/0";
        if (add) {
            hv_ns_route r = {0};
            snprintf(r.iface, sizeof r.iface, "%s", ifname);
            snprintf(r.dst, sizeof r.dst, "%s", dst);
            snprintf(r.gateway, sizeof r.gateway, "%s", gw);
            hv_netstate_put_route(ns, &r);
        } else {
            hv_netstate_del_route(ns, ifname, dst, gw);
        }
    }
    hv_netstate_save(ns, NULL);
    hv_netstate_close(ns);
    return HV_OK;
}

static hv_status
addr_cmd(nsh *s, hv_nl *nl, verb v)
{
    hv_nl_link l;
    if (!find_if(s, nl, &l))
        return failmsg(s, s->val[0] ? MSG_NOIF : MSG_SYNTAX);
    const char *name = hv_nl_link_display_name(&l);
    /* add: name address mask gateway gwmetric | set: name source address mask gateway gwmetric
     * | delete: name address gateway */
    const char *addr = s->val[v == V_SET ? 2 : 1];
    const char *mask = v == V_DELETE ? NULL : s->val[v == V_SET ? 3 : 2];
    const char *gw = s->val[v == V_SET ? 4 : v == V_ADD ? 3 : 2];
    if (v == V_SET) {
        static const char *const sources[] = {"static", "dhcp", NULL};
        int k = s->val[1] ? kw(s->val[1], sources) : -1;
        if (k == 1)
            return failmsg(s, "DHCP is not available: hvsh configures static addresses only.");
        if (k != 0)
            return failmsg(s, MSG_SYNTAX);
    }
    char abuf[64];
    snprintf(abuf, sizeof abuf, "%s", addr ? addr : "");
    char *slash = strchr(abuf, '/');
    if (slash) {
        *slash = 0;
        mask = slash + 1;
    }
    hv_nl_ip ip, gip;
    int prefix = mask_len(mask, s->family);
    if (!addr || hv_nl_ip_parse(abuf, s->family, &ip, NULL) < 0 || (v != V_DELETE && prefix < 0) ||
        (gw && strcasecmp(gw, "none") && hv_nl_ip_parse(gw, s->family, &gip, NULL) < 0))
        return failmsg(s, MSG_SYNTAX);
    bool has_gw = gw && strcasecmp(gw, "none");
    hv_eng_err e;
    hv_nl_addr *cur;
    size_t n;
    if (hv_nl_addrs(nl, s->family, l.ifindex, &cur, &n, &e) < 0)
        return failmsg(s, e.msg);
    hv_status st = HV_OK;
    if (v == V_DELETE) {
        int plen = -1;
        for (size_t i = 0; i < n; i++)
            if (!memcmp(cur[i].addr.addr, ip.addr, s->family == AF_INET ? 4 : 16))
                plen = cur[i].prefixlen;
        if (plen < 0)
            st = failmsg(s, "Element not found.");
        else if (hv_nl_addr_del(nl, l.ifindex, &ip, plen, &e) < 0)
            st = failmsg(s, e.msg);
        else {
            if (has_gw) {
                hv_nl_route r = {.family = s->family, .gateway = gip, .has_gateway = true, .oif = l.ifindex};
                r.dst.family = s->family;
                hv_nl_route_del(nl, &r, NULL);
            }
            st = record_addr(s, name, abuf, plen, has_gw ? gw : NULL, false);
        }
        free(cur);
        return st == HV_OK && !s->rc ? out(s, "%s", "") : st;
    }
    size_t ndel = 0;
    if (v == V_SET) { /* static: this address replaces the family's others (not link-local) */
        for (size_t i = 0; i < n; i++) {
            if (cur[i].addr.family == AF_INET6 && cur[i].addr.addr[0] == 0xfe)
                continue;
            if (hv_nl_addr_del(nl, l.ifindex, &cur[i].addr, cur[i].prefixlen, NULL) == 0)
                cur[ndel++] = cur[i]; /* remembered for the undo below */
        }
    } else {
        for (size_t i = 0; i < n; i++)
            if (!memcmp(cur[i].addr.addr, ip.addr, s->family == AF_INET ? 4 : 16)) {
                free(cur);
                return failmsg(s, "The object already exists.");
            }
    }
    if (hv_nl_addr_add(nl, l.ifindex, &ip, prefix, 0, HV_NL_INFINITE, &e) < 0) {
        for (size_t i = 0; i < ndel; i++) /* put the old addresses back */
            hv_nl_addr_add(nl, l.ifindex, &cur[i].addr, cur[i].prefixlen, 0, cur[i].preferred_lft, NULL);
        free(cur);
        return failmsg(s, e.msg);
    }
    for (size_t i = 0; i < ndel; i++) {
        char old[64];
        hv_nl_ip_format(&cur[i].addr, old, sizeof old);
        record_addr(s, name, old, cur[i].prefixlen, NULL, false);
    }
    free(cur);
    if (has_gw) {
        hv_nl_route r = {.family = s->family, .gateway = gip, .has_gateway = true, .oif = l.ifindex};
        r.dst.family = s->family;
        if (v == V_SET)
            hv_nl_route_del(nl, &r, NULL);
        if (hv_nl_route_add(nl, &r, &e) < 0 && e.code != HV_ENG_EXISTS) {
            hv_nl_addr_del(nl, l.ifindex, &ip, prefix, NULL);
            return failmsg(s, e.msg);
        }
    }
    st = record_addr(s, name, abuf, prefix, has_gw ? gw : NULL, true);
    return st == HV_OK ? out(s, "%s", "") : st;
}

/* ---------------------------------- show ---------------------------------- */

static hv_status
show_cmd(nsh *s, hv_nl *nl, int what)
{
    hv_nl_link *links;
    size_t nlinks;
    hv_eng_err e;
    if (hv_nl_links(nl, &links, &nlinks, &e) < 0)
        return failmsg(s, e.msg);
    hv_nl_addr *addrs = NULL;
    hv_nl_route *routes = NULL;
    size_t na = 0, nr = 0;
    hv_nl_addrs(nl, s->family, 0, &addrs, &na, NULL);
    hv_nl_routes(nl, s->family, &routes, &nr, NULL);
    hv_netstate *ns = NULL;
    if (hv_netstate_load(&ns, NULL) < 0)
        ns = NULL;
    hv_status st = out(s, "%s", "");
    bool any = false;
    for (size_t i = 0; i < nlinks && st == HV_OK; i++) {
        const hv_nl_link *l = &links[i];
        const char *name = hv_nl_link_display_name(l);
        if (s->val[0] && strcasecmp(s->val[0], name) && strcasecmp(s->val[0], l->name))
            continue;
        if (!strcmp(l->kind, "tun"))
            continue;
        any = true;
        st = out(s, "Configuration for interface \"%s\"", name);
        if (what != 2 && st == HV_OK) { /* addresses / config */
            st = out(s, "    DHCP enabled:                         No");
            for (size_t k = 0; k < na && st == HV_OK; k++) {
                if (addrs[k].ifindex != l->ifindex)
                    continue;
                char ip[64], net[64];
                hv_nl_ip_format(&addrs[k].addr, ip, sizeof ip);
                hv_nl_ip nip = addrs[k].addr;
                hv_nl_prefix_mask(&nip, addrs[k].prefixlen);
                hv_nl_ip_format(&nip, net, sizeof net);
                st = out(s, "    IP Address:                           %s", ip);
                if (st == HV_OK && s->family == AF_INET) {
                    uint32_t m = addrs[k].prefixlen ? ~0u << (32 - addrs[k].prefixlen) : 0;
                    st = out(s, "    Subnet Prefix:                        %s/%d (mask %u.%u.%u.%u)",
                             net, addrs[k].prefixlen, m >> 24, (m >> 16) & 255, (m >> 8) & 255,
                             m & 255);
                }
            }
            for (size_t k = 0; k < nr && st == HV_OK; k++)
                if (routes[k].oif == l->ifindex && routes[k].dst_len == 0 && routes[k].has_gateway) {
                    char gw[64];
                    st = out(s, "    Default Gateway:                      %s",
                             hv_nl_ip_format(&routes[k].gateway, gw, sizeof gw));
                    if (st == HV_OK)
                        st = out(s, "    Gateway Metric:                       %u", routes[k].metric);
                }
            if (st == HV_OK)
                st = out(s, "    InterfaceMetric:                      %d", l->link_type == ARPHRD_LOOPBACK ? 75 : 25);
        }
        if (what != 0 && st == HV_OK) { /* dnsservers / config */
            const hv_ns_dns *d = ns ? hv_netstate_dns_get(ns, name) : NULL;
            size_t shown = 0;
            for (size_t k = 0; d && k < d->n && st == HV_OK; k++) {
                hv_nl_ip ip;
                if (hv_nl_ip_parse(d->servers[k], s->family, &ip, NULL) < 0)
                    continue;
                st = out(s, shown++ ? "                                          %s"
                                    : "    Statically Configured DNS Servers:    %s",
                         d->servers[k]);
            }
            if (!shown && st == HV_OK)
                st = out(s, "    Statically Configured DNS Servers:    None");
            if (st == HV_OK)
                st = out(s, "    Register with which suffix:           Primary only");
        }
        if (st == HV_OK)
            st = out(s, "%s", "");
    }
    if (st == HV_OK && !any && s->val[0])
        st = failmsg(s, MSG_NOIF);
    hv_netstate_close(ns);
    free(links);
    free(addrs);
    free(routes);
    return st;
}

/* ---------------------------------- dispatch ---------------------------------- */

static hv_status
run(nsh *s, char **args, size_t n)
{
    static const char *const top[] = {"interface", NULL};
    static const char *const fams[] = {"ipv4", "ipv6", "ip", NULL};
    size_t i = 0;
    if (i < n && (!strcasecmp(args[i], "-c") || !strcasecmp(args[i], "-f")))
        i++; /* "netsh -c interface ..." */
    int f = i + 1 < n && kw(args[i], top) == 0 ? kw(args[i + 1], fams) : -1;
    int v = f >= 0 && i + 2 < n ? kw(args[i + 2], verbs) : -1;
    const char *const *nouns = v == V_SHOW ? nouns_show : nouns_add;
    int nn = v >= 0 && i + 3 < n ? kw(args[i + 3], nouns) : -1;
    if (nn < 0 || v > V_SHOW) { /* netsh's words for a command it does not have */
        s->rc = 1;
        char line[512] = "";
        for (size_t k = 0; k < n; k++)
            snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", k ? " " : "", args[k]);
        return out(s, "The following command was not found: %s.", line);
    }
    s->family = f == 1 ? AF_INET6 : AF_INET;
    i += 2;
    static const char *const tags_dns_add[] = {"name", "address", "index", "validate", NULL};
    static const char *const tags_dns_set[] = {"name", "source", "address", "register", "validate", NULL};
    static const char *const tags_dns_del[] = {"name", "address", "validate", NULL};
    static const char *const tags_addr_add[] = {"name", "address", "mask", "gateway", "gwmetric", NULL};
    static const char *const tags_addr_set[] = {"name", "source", "address", "mask", "gateway", "gwmetric", NULL};
    static const char *const tags_addr_del[] = {"name", "address", "gateway", NULL};
    static const char *const tags_show[] = {"name", NULL};
    hv_nl *nl;
    hv_eng_err e;
    if (hv_nl_open(&nl, &e) < 0)
        return failmsg(s, e.msg);
    hv_status st;
    if (v == V_SHOW) {
        int what = nn == 0 ? 0 : nn == 1 ? 1 : nn == 2 ? 2 : -1;
        st = what < 0 || !bind_args(s, args, n, i + 2, tags_show) ? failmsg(s, MSG_SYNTAX)
                                                                  : show_cmd(s, nl, what);
    } else if (nn == 1) {
        const char *const *tags = v == V_ADD ? tags_dns_add : v == V_SET ? tags_dns_set : tags_dns_del;
        st = bind_args(s, args, n, i + 2, tags) ? dns_cmd(s, nl, (verb)v) : failmsg(s, MSG_SYNTAX);
    } else if (nn == 0) {
        const char *const *tags = v == V_ADD ? tags_addr_add : v == V_SET ? tags_addr_set : tags_addr_del;
        st = bind_args(s, args, n, i + 2, tags) ? addr_cmd(s, nl, (verb)v) : failmsg(s, MSG_SYNTAX);
    } else { /* a command netsh has (route, winsservers...) that hvsh maps to cmdlets only */
        char msg[200];
        snprintf(msg, sizeof msg, "hvsh's netsh does not implement \"%s %s\"; use the NetTCPIP "
                 "cmdlets (New-NetRoute, Get-NetRoute...) instead.", verbs[v], nouns[nn]);
        st = failmsg(s, msg);
    }
    hv_nl_close(nl);
    return st;
}

hv_status
hvc_net_netsh_end(hv_cmd *cmd)
{
    size_t n = hv_cmd_raw_argc(cmd);
    char **args = hv_xcalloc(n + 1, sizeof *args);
    for (size_t i = 0; i < n; i++) {
        hv_value v = hv_conv_to_string(hv_cmd_raw_arg(cmd, i), NULL);
        args[i] = hv_xstrdup(hv_str_cstr(&v));
        hv_unref(v);
    }
    nsh s = {.cmd = cmd};
    hv_status st = run(&s, args, n);
    for (size_t i = 0; i < n; i++)
        free(args[i]);
    free(args);
    hv_var_set(hv_cmd_ctx(cmd), "LASTEXITCODE", hv_int(s.rc));
    return st;
}
