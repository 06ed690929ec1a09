/* fw.c — firewall rules on `table inet hvsh_fw` (see fw.h). */
#include "engine/fw.h"

#include "engine/nft.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define TBL HV_FW_FAMILY " " HV_FW_TABLE

static void
cpy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* ------------------------------------------------------------------ JSON <-> rules */

static json_t *
strlist(const void *list, size_t stride, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string((const char *)list + i * stride));
    return a;
}

static void
load_list(json_t *a, void *list, size_t stride, size_t *n)
{
    size_t i;
    json_t *v;
    *n = 0;
    json_array_foreach(a, i, v) {
        if (*n < HV_FW_MAXLIST && json_is_string(v))
            cpy((char *)list + (*n)++ * stride, stride, json_string_value(v));
    }
}

static const char *
js(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

int
hv_nft_fw_load(const hv_netstate *st, hv_nft_fw_rule **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    char *text = st ? hv_netstate_section(st, "firewall") : NULL;
    if (!text)
        return 0;
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    free(text);
    if (!json_is_array(root)) {
        json_decref(root);
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The firewall section of the state file is damaged.");
    }
    size_t cnt = json_array_size(root), i;
    *out = calloc(cnt + 1, sizeof **out);
    if (!*out)
        abort();
    json_t *o;
    json_array_foreach(root, i, o) {
        hv_nft_fw_rule *r = &(*out)[(*n)++];
        cpy(r->name, sizeof r->name, js(o, "name"));
        cpy(r->display_name, sizeof r->display_name, js(o, "displayName"));
        cpy(r->description, sizeof r->description, js(o, "description"));
        cpy(r->group, sizeof r->group, js(o, "group"));
        r->inbound = strcmp(js(o, "direction"), "Outbound") != 0;
        r->allow = strcmp(js(o, "action"), "Block") != 0;
        r->enabled = json_is_true(json_object_get(o, "enabled"));
        cpy(r->protocol, sizeof r->protocol, js(o, "protocol"));
        cpy(r->profile, sizeof r->profile, js(o, "profile"));
        load_list(json_object_get(o, "localPort"), r->local_port, sizeof r->local_port[0],
                  &r->n_local_port);
        load_list(json_object_get(o, "remotePort"), r->remote_port, sizeof r->remote_port[0],
                  &r->n_remote_port);
        load_list(json_object_get(o, "localAddress"), r->local_addr, sizeof r->local_addr[0],
                  &r->n_local_addr);
        load_list(json_object_get(o, "remoteAddress"), r->remote_addr,
                  sizeof r->remote_addr[0], &r->n_remote_addr);
    }
    json_decref(root);
    return 0;
}

int
hv_nft_fw_store(hv_netstate *st, const hv_nft_fw_rule *r, size_t n, hv_eng_err *err)
{
    if (!n)
        return hv_netstate_set_section(st, "firewall", NULL, err);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const hv_nft_fw_rule *x = &r[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:s}", "name", x->name,
                              "displayName", x->display_name, "description", x->description,
                              "group", x->group, "direction", x->inbound ? "Inbound" : "Outbound",
                              "action", x->allow ? "Allow" : "Block", "enabled", x->enabled,
                              "protocol", x->protocol, "profile", x->profile);
        json_object_set_new(o, "localPort", strlist(x->local_port, sizeof x->local_port[0], x->n_local_port));
        json_object_set_new(o, "remotePort", strlist(x->remote_port, sizeof x->remote_port[0], x->n_remote_port));
        json_object_set_new(o, "localAddress", strlist(x->local_addr, sizeof x->local_addr[0], x->n_local_addr));
        json_object_set_new(o, "remoteAddress", strlist(x->remote_addr, sizeof x->remote_addr[0], x->n_remote_addr));
        json_array_append_new(a, o);
    }
    char *text = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(a);
    int rc = hv_netstate_set_section(st, "firewall", text, err);
    free(text);
    return rc;
}

/* ------------------------------------------------------------------ validation */

static bool
is_any(const char *v)
{
    return !strcasecmp(v, "Any") || !strcmp(v, "*");
}

static int
port_num(const char *s, unsigned *out)
{
    char *e;
    if (!isdigit((unsigned char)*s))
        return -1;
    unsigned long v = strtoul(s, &e, 10);
    if (*e || v < 1 || v > 65535)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int
hv_nft_fw_list_add(char (*list)[16], size_t *n, const char *v, hv_eng_err *err)
{
    while (isspace((unsigned char)*v))
        v++;
    if (is_any(v))
        return 0;
    char buf[32];
    cpy(buf, sizeof buf, v);
    char *dash = strchr(buf, '-');
    unsigned a, b;
    if (dash)
        *dash = 0;
    if (port_num(buf, &a) < 0 || (dash && (port_num(dash + 1, &b) < 0 || b < a)))
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The port '%s' is not valid: use a number from 1 to 65535, a range "
                           "such as 5000-5100, or Any.", v);
    if (*n >= HV_FW_MAXLIST)
        return hv_eng_fail(err, HV_ENG_INVALID, E2BIG, "At most %d ports per rule.",
                           HV_FW_MAXLIST);
    if (dash)
        snprintf(list[(*n)++], 16, "%u-%u", a, b);
    else
        snprintf(list[(*n)++], 16, "%u", a);
    return 0;
}

/* "10.0.0.1", "10.0.0.0/24", "fd00::/64", "10.0.0.1-10.0.0.9"; family out. */
static int
addr_family(const char *v, int *fam)
{
    char buf[96];
    unsigned char tmp[16];
    cpy(buf, sizeof buf, v);
    char *dash = strchr(buf, '-'), *slash = strchr(buf, '/');
    if (dash) {
        *dash = 0;
        int f1 = inet_pton(AF_INET, buf, tmp) == 1 ? AF_INET : inet_pton(AF_INET6, buf, tmp) == 1 ? AF_INET6 : 0;
        int f2 = inet_pton(AF_INET, dash + 1, tmp) == 1 ? AF_INET : inet_pton(AF_INET6, dash + 1, tmp) == 1 ? AF_INET6 : 0;
        if (!f1 || f1 != f2)
            return -1;
        *fam = f1;
        return 0;
    }
    long plen = -1;
    if (slash) {
        *slash = 0;
        char *e;
        plen = strtol(slash + 1, &e, 10);
        if (*e || !slash[1])
            return -1;
    }
    if (inet_pton(AF_INET, buf, tmp) == 1) {
        *fam = AF_INET;
        return plen > 32 ? -1 : 0;
    }
    if (inet_pton(AF_INET6, buf, tmp) == 1) {
        *fam = AF_INET6;
        return plen > 128 ? -1 : 0;
    }
    return -1;
}

int
hv_nft_fw_addr_add(char (*list)[96], size_t *n, const char *v, hv_eng_err *err)
{
    while (isspace((unsigned char)*v))
        v++;
    if (is_any(v))
        return 0;
    int fam;
    if (strlen(v) >= 96 || addr_family(v, &fam) < 0)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The address '%s' is not valid: use an IPv4 or IPv6 address, a "
                           "prefix (10.0.0.0/24), a range (10.0.0.1-10.0.0.9) or Any.", v);
    if (*n >= HV_FW_MAXLIST)
        return hv_eng_fail(err, HV_ENG_INVALID, E2BIG, "At most %d addresses per rule.",
                           HV_FW_MAXLIST);
    cpy(list[(*n)++], 96, v);
    return 0;
}

static bool
port_proto(const char *p)
{
    return !strcasecmp(p, "TCP") || !strcasecmp(p, "UDP");
}

int
hv_nft_fw_check(hv_nft_fw_rule *r, hv_eng_err *err)
{
    static const char *const names[] = {"Any", "TCP", "UDP", "ICMPv4", "ICMPv6", NULL};
    if (!r->name[0] || strchr(r->name, '"') || strchr(r->name, '\\'))
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The rule name '%s' is not valid.",
                           r->name);
    if (strlen(r->name) > HV_FW_NAME_MAX)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE,
                           "The rule name is too long (at most %d characters).", HV_FW_NAME_MAX);
    if (!r->display_name[0])
        cpy(r->display_name, sizeof r->display_name, r->name);
    bool known = false;
    for (int i = 0; names[i]; i++)
        if (!strcasecmp(r->protocol, names[i])) {
            cpy(r->protocol, sizeof r->protocol, names[i]);
            known = true;
        }
    if (!r->protocol[0])
        cpy(r->protocol, sizeof r->protocol, "Any");
    else if (!known) {
        char *e;
        long v = strtol(r->protocol, &e, 10);
        if (*e || v < 0 || v > 255)
            return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                               "The protocol '%s' is not valid: use TCP, UDP, ICMPv4, ICMPv6, "
                               "Any or a number from 0 to 255.", r->protocol);
        if (v == 6 || v == 17 || v == 1 || v == 58)
            cpy(r->protocol, sizeof r->protocol, v == 6 ? "TCP" : v == 17 ? "UDP" : v == 1 ? "ICMPv4" : "ICMPv6");
    }
    if ((r->n_local_port || r->n_remote_port) && !port_proto(r->protocol))
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The LocalPort and RemotePort parameters can only be used when the "
                           "Protocol is TCP or UDP.");
    if (!r->profile[0])
        cpy(r->profile, sizeof r->profile, "Any");
    return 0;
}

void
hv_nft_fw_new_name(char *out, size_t n)
{
    unsigned char b[16] = {0};
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0 || read(fd, b, sizeof b) != (ssize_t)sizeof b) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        for (int i = 0; i < 16; i++)
            b[i] = (unsigned char)((ts.tv_nsec >> (i % 8)) ^ (getpid() << i) ^ i * 37);
    }
    if (fd >= 0)
        close(fd);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, n,
             "{%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x}", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
             b[14], b[15]);
}

/* ------------------------------------------------------------------ rendering */

typedef struct {
    char *data;
    size_t len, cap;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* " ip saddr { a, b }" for the addresses of family fam (none of that family: nothing). */
static bool
put_addrs(sbuf *b, char (*list)[96], size_t n, int fam, const char *dir)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        int f;
        if (addr_family(list[i], &f) < 0 || f != fam)
            continue;
        sb_printf(b, "%s%s", any ? ", " : fam == AF_INET ? " ip " : " ip6 ", any ? "" : dir);
        if (!any)
            sb_printf(b, " { ");
        sb_printf(b, "%s", list[i]);
        any = true;
    }
    if (any)
        sb_printf(b, " }");
    return any;
}

static bool
has_family(char (*list)[96], size_t n, int fam)
{
    for (size_t i = 0; i < n; i++) {
        int f;
        if (addr_family(list[i], &f) == 0 && f == fam)
            return true;
    }
    return false;
}

static void
put_ports(sbuf *b, const char *proto, const char *dir, char (*list)[16], size_t n)
{
    if (!n)
        return;
    sb_printf(b, " %s %s {", proto, dir);
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "%s %s", i ? "," : "", list[i]);
    sb_printf(b, " }");
}

static void
put_rule_family(sbuf *b, const hv_nft_fw_rule *r, int fam)
{
    bool in = r->inbound;
    /* Windows' "local" and "remote" sides are destination/source for inbound traffic */
    sb_printf(b, "add rule " TBL " %s", in ? "input" : "output");
    if (fam)
        sb_printf(b, " meta nfproto %s", fam == AF_INET ? "ipv4" : "ipv6");
    put_addrs(b, (char (*)[96])r->local_addr, r->n_local_addr, fam, in ? "daddr" : "saddr");
    put_addrs(b, (char (*)[96])r->remote_addr, r->n_remote_addr, fam, in ? "saddr" : "daddr");
    const char *p = r->protocol;
    if (!strcmp(p, "TCP") || !strcmp(p, "UDP")) {
        const char *l4 = !strcmp(p, "TCP") ? "tcp" : "udp";
        if (!r->n_local_port && !r->n_remote_port)
            sb_printf(b, " meta l4proto %s", l4);
        put_ports(b, l4, in ? "dport" : "sport", (char (*)[16])r->local_port, r->n_local_port);
        put_ports(b, l4, in ? "sport" : "dport", (char (*)[16])r->remote_port, r->n_remote_port);
    } else if (!strcmp(p, "ICMPv4")) {
        sb_printf(b, " meta l4proto icmp");
    } else if (!strcmp(p, "ICMPv6")) {
        sb_printf(b, " meta l4proto ipv6-icmp");
    } else if (strcmp(p, "Any")) {
        sb_printf(b, " meta l4proto %s", p);
    }
    sb_printf(b, " counter %s comment \"NetFirewallRule:%s\"\n", r->allow ? "accept" : "drop",
              r->name);
}

static void
put_rule(sbuf *b, const hv_nft_fw_rule *r)
{
    bool v4 = has_family((char (*)[96])r->local_addr, r->n_local_addr, AF_INET) ||
              has_family((char (*)[96])r->remote_addr, r->n_remote_addr, AF_INET);
    bool v6 = has_family((char (*)[96])r->local_addr, r->n_local_addr, AF_INET6) ||
              has_family((char (*)[96])r->remote_addr, r->n_remote_addr, AF_INET6);
    /* an address list of one family only makes the rule that family's; with both, one nft
     * rule per family (an address match of the other family would never hit) */
    if (!v4 && !v6)
        put_rule_family(b, r, 0);
    if (v4)
        put_rule_family(b, r, AF_INET);
    if (v6)
        put_rule_family(b, r, AF_INET6);
}

char *
hv_nft_fw_batch(const hv_nft_fw_rule *r, size_t n)
{
    sbuf b = {0};
    /* add + delete: removes the table whether or not it exists, in the same transaction */
    sb_printf(&b, "add table " TBL "\ndelete table " TBL "\n");
    size_t live = 0;
    for (size_t i = 0; i < n; i++)
        live += r[i].enabled;
    if (live) {
        sb_printf(&b, "add table " TBL "\n");
        sb_printf(&b, "add chain " TBL " input { type filter hook input priority 0; policy accept; }\n");
        sb_printf(&b, "add chain " TBL " output { type filter hook output priority 0; policy accept; }\n");
        for (int pass = 0; pass < 2; pass++) /* block rules first: they win on Windows */
            for (size_t i = 0; i < n; i++)
                if (r[i].enabled && r[i].allow == (pass == 1))
                    put_rule(&b, &r[i]);
    }
    return b.data;
}

int
hv_nft_fw_apply(const hv_nft_fw_rule *r, size_t n, hv_eng_err *err)
{
    char *batch = hv_nft_fw_batch(r, n);
    int rc = hv_nft_run(batch, err);
    free(batch);
    return rc;
}

int
hv_nft_fw_restore(const hv_netstate *st, FILE *log, hv_eng_err *err)
{
    hv_nft_fw_rule *r;
    size_t n;
    if (hv_nft_fw_load(st, &r, &n, err) < 0)
        return -1;
    int rc = 0;
    if (n) {
        rc = hv_nft_fw_apply(r, n, err);
        if (log)
            fprintf(log, "%s firewall rules: %zu (table " TBL ")\n", rc == 0 ? "restored" : "FAILED",
                    n);
    }
    free(r);
    return rc;
}
