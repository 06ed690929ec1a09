/* nft.c — NetNat on nftables through libnftables (engine-lab §4): text batches in, JSON out.
 * The rule comments carry the whole NetNat / mapping description (see nft.h), so Get-NetNat
 * needs no state besides the ruleset itself. */
#include "engine/nft.h"

#include "engine/fault.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <linux/capability.h>
#include <dlfcn.h>
#include <nftables/libnftables.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/netlink.h"

#define TBL HV_NFT_FAMILY " " HV_NFT_TABLE
#define PERM_MSG "Access is denied. Reading or changing the NAT configuration (nftables) " \
                 "requires root or CAP_NET_ADMIN."

typedef struct {
    char *data;
    size_t len, cap;
} sbuf;

static void
sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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

/* Map libnftables' error text to an engine error: the first line is the message. */
static int
nft_fail(hv_eng_err *err, const char *errbuf, const char *what)
{
    char line[400] = "";
    if (errbuf) {
        size_t n = strcspn(errbuf, "\n");
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, errbuf, n);
        line[n] = 0;
    }
    if (strstr(errbuf ? errbuf : "", "Operation not permitted") ||
        strstr(errbuf ? errbuf : "", "Permission denied"))
        return hv_eng_fail(err, HV_ENG_PERMISSION, EPERM, PERM_MSG);
    return hv_eng_fail(err, HV_ENG_SYSTEM, EINVAL, "%s: %s", what,
                       line[0] ? line : "nftables error");
}

/* Does this process hold CAP_NET_ADMIN? libnftables prints "(you must be root)" on stderr
 * itself when it lacks it, so we check first and report in our own words. */
static bool
has_net_admin(void)
{
    struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
    struct __user_cap_data_struct d[2];
    memset(d, 0, sizeof d);
    if (syscall(SYS_capget, &h, d) < 0)
        return true; /* unknown: let nftables decide */
    return (d[CAP_NET_ADMIN / 32].effective >> (CAP_NET_ADMIN % 32)) & 1;
}

/* libnftables (with libnftnl, libxtables and libgmp behind it) is loaded on first use, not
 * at start-up: linking it costs every hvsh process ~1 ms even when no NAT is touched. */
static struct {
    bool tried;
    struct nft_ctx *(*ctx_new)(uint32_t);
    void (*ctx_free)(struct nft_ctx *);
    int (*buffer_output)(struct nft_ctx *);
    int (*buffer_error)(struct nft_ctx *);
    void (*output_set_flags)(struct nft_ctx *, unsigned int);
    int (*run_cmd_from_buffer)(struct nft_ctx *, const char *);
    const char *(*get_error_buffer)(struct nft_ctx *);
    const char *(*get_output_buffer)(struct nft_ctx *);
} nftlib;

static int
nft_load(hv_eng_err *err)
{
    if (nftlib.ctx_new)
        return 0;
    void *h = dlopen("libnftables.so.1", RTLD_NOW | RTLD_LOCAL);
    if (h) {
        *(void **)&nftlib.ctx_new = dlsym(h, "nft_ctx_new");
        *(void **)&nftlib.ctx_free = dlsym(h, "nft_ctx_free");
        *(void **)&nftlib.buffer_output = dlsym(h, "nft_ctx_buffer_output");
        *(void **)&nftlib.buffer_error = dlsym(h, "nft_ctx_buffer_error");
        *(void **)&nftlib.output_set_flags = dlsym(h, "nft_ctx_output_set_flags");
        *(void **)&nftlib.run_cmd_from_buffer = dlsym(h, "nft_run_cmd_from_buffer");
        *(void **)&nftlib.get_error_buffer = dlsym(h, "nft_ctx_get_error_buffer");
        *(void **)&nftlib.get_output_buffer = dlsym(h, "nft_ctx_get_output_buffer");
    }
    if (!h || !nftlib.ctx_free || !nftlib.buffer_output || !nftlib.buffer_error ||
        !nftlib.output_set_flags || !nftlib.run_cmd_from_buffer || !nftlib.get_error_buffer ||
        !nftlib.get_output_buffer) {
        nftlib.ctx_new = NULL;
        return hv_eng_fail(err, HV_ENG_SYSTEM, ENOENT,
                           "Cannot load libnftables.so.1 (install the libnftables1 package): %s",
                           h ? "missing symbols" : dlerror());
    }
    return 0;
}

/* Run cmds; with json, *out receives the parsed JSON output (caller json_decref). */
static int
nft_exec(const char *cmds, bool json, json_t **out, bool *missing, hv_eng_err *err)
{
    if (!has_net_admin())
        return hv_eng_fail(err, HV_ENG_PERMISSION, EPERM, PERM_MSG);
    if (nft_load(err) != 0)
        return -1;
    if (!json && hv_eng_fault("nft:batch")) /* injected: the batch fails as a whole */
        return nft_fail(err, strerror(EIO), "nftables rejected the change");
    struct nft_ctx *ctx = nftlib.ctx_new(NFT_CTX_DEFAULT);
    if (!ctx)
        return hv_eng_fail(err, HV_ENG_SYSTEM, ENOMEM, "Cannot create an nftables context.");
    nftlib.buffer_output(ctx);
    nftlib.buffer_error(ctx);
    if (json)
        nftlib.output_set_flags(ctx, NFT_CTX_OUTPUT_JSON | NFT_CTX_OUTPUT_HANDLE);
    int rc = nftlib.run_cmd_from_buffer(ctx, cmds);
    const char *eb = nftlib.get_error_buffer(ctx);
    if (rc != 0) {
        if (missing && eb && strstr(eb, "No such file or directory")) {
            *missing = true;
            nftlib.ctx_free(ctx);
            return 0;
        }
        nft_fail(err, eb, "nftables rejected the change");
        nftlib.ctx_free(ctx);
        return -1;
    }
    if (out) {
        json_error_t je;
        *out = json_loads(nftlib.get_output_buffer(ctx), 0, &je);
        if (!*out) {
            nftlib.ctx_free(ctx);
            return hv_eng_fail(err, HV_ENG_SYSTEM, EINVAL,
                               "Cannot parse the nftables JSON output: %s", je.text);
        }
    }
    nftlib.ctx_free(ctx);
    return 0;
}

int
hv_nft_run(const char *cmds, hv_eng_err *err)
{
    return nft_exec(cmds, false, NULL, NULL, err);
}

/* ============================ reading the table back ============================ */

/* Split s at '|' into at most max fields (in place). Returns the count. */
static int
split_fields(char *s, char **f, int max)
{
    int n = 0;
    f[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '|') {
            *p = 0;
            f[n++] = p + 1;
        }
    return n;
}

static void
rule_counter(json_t *rule, uint64_t *packets, uint64_t *bytes)
{
    json_t *expr = json_object_get(rule, "expr");
    size_t i;
    json_t *e;
    json_array_foreach(expr, i, e) {
        json_t *c = json_object_get(e, "counter");
        if (c) {
            *packets = (uint64_t)json_integer_value(json_object_get(c, "packets"));
            *bytes = (uint64_t)json_integer_value(json_object_get(c, "bytes"));
        }
    }
}

static bool
parse_nat(json_t *rule, const char *comment, hv_nft_nat *nat)
{
    char tmp[256], *f[3];
    snprintf(tmp, sizeof tmp, "%s", comment + strlen("NetNat:"));
    if (split_fields(tmp, f, 3) != 3)
        return false;
    memset(nat, 0, sizeof *nat);
    snprintf(nat->internal_prefix, sizeof nat->internal_prefix, "%s", f[0]);
    snprintf(nat->external_prefix, sizeof nat->external_prefix, "%s", f[1]);
    snprintf(nat->name, sizeof nat->name, "%s", f[2]);
    nat->handle = (uint64_t)json_integer_value(json_object_get(rule, "handle"));
    rule_counter(rule, &nat->packets, &nat->bytes);
    return true;
}

static bool
parse_map(json_t *rule, const char *comment, hv_nft_map *m)
{
    char tmp[256], *f[7];
    snprintf(tmp, sizeof tmp, "%s", comment + strlen("NetNatMap:"));
    if (split_fields(tmp, f, 7) != 7)
        return false;
    memset(m, 0, sizeof *m);
    m->id = (unsigned)strtoul(f[0], NULL, 10);
    snprintf(m->protocol, sizeof m->protocol, "%s", f[1]);
    snprintf(m->external_ip, sizeof m->external_ip, "%s", f[2]);
    m->external_port = (unsigned)strtoul(f[3], NULL, 10);
    snprintf(m->internal_ip, sizeof m->internal_ip, "%s", f[4]);
    m->internal_port = (unsigned)strtoul(f[5], NULL, 10);
    snprintf(m->nat_name, sizeof m->nat_name, "%s", f[6]);
    m->handle = (uint64_t)json_integer_value(json_object_get(rule, "handle"));
    rule_counter(rule, &m->packets, &m->bytes);
    return true;
}

typedef struct {
    hv_nft_nat *nats;
    size_t nn;
    hv_nft_map *maps;
    size_t nm;
} nft_state;

static void
state_free(nft_state *st)
{
    free(st->nats);
    free(st->maps);
}

static int
state_load(nft_state *st, hv_eng_err *err)
{
    memset(st, 0, sizeof *st);
    json_t *root = NULL;
    bool missing = false;
    if (nft_exec("list table " TBL, true, &root, &missing, err) < 0)
        return -1;
    if (missing)
        return 0;
    json_t *items = json_object_get(root, "nftables");
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        json_t *rule = json_object_get(it, "rule");
        const char *comment = json_string_value(json_object_get(rule, "comment"));
        if (!comment)
            continue;
        if (!strncmp(comment, "NetNat:", 7)) {
            st->nats = realloc(st->nats, (st->nn + 1) * sizeof *st->nats);
            if (!st->nats)
                abort();
            if (parse_nat(rule, comment, &st->nats[st->nn]))
                st->nn++;
        } else if (!strncmp(comment, "NetNatMap:", 10)) {
            st->maps = realloc(st->maps, (st->nm + 1) * sizeof *st->maps);
            if (!st->maps)
                abort();
            if (parse_map(rule, comment, &st->maps[st->nm]))
                st->nm++;
        }
    }
    json_decref(root);
    return 0;
}

int
hv_nft_nat_list(hv_nft_nat **out, size_t *n, hv_eng_err *err)
{
    nft_state st;
    if (state_load(&st, err) < 0)
        return -1;
    free(st.maps);
    *out = st.nats;
    *n = st.nn;
    return 0;
}

int
hv_nft_map_list(hv_nft_map **out, size_t *n, hv_eng_err *err)
{
    nft_state st;
    if (state_load(&st, err) < 0)
        return -1;
    free(st.nats);
    *out = st.maps;
    *n = st.nm;
    return 0;
}

/* ================================ NATs ================================ */

static int
check_name(const char *name, const char *what, hv_eng_err *err)
{
    size_t n = strlen(name);
    if (n == 0)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The %s name is empty.", what);
    if (n > HV_NFT_NAME_MAX)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE,
                           "The %s name '%s' is too long (at most %d characters).", what, name,
                           HV_NFT_NAME_MAX);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p == '"' || *p == '\\' || *p == '|' || *p < 0x20 || *p == 0x7f)
            return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                               "The %s name '%s' contains a character that is not allowed "
                               "(quote, backslash, '|' or a control character).", what, name);
    return 0;
}

/* Parse an IPv4 CIDR and write its canonical network form into out. */
static int
v4_prefix(const char *s, char *out, size_t outsz, hv_nl_ip *ip, int *len, hv_eng_err *err)
{
    if (hv_nl_prefix_parse(s, true, ip, len, err) < 0)
        return -1;
    if (ip->family != AF_INET)
        return hv_eng_fail(err, HV_ENG_INVALID, EAFNOSUPPORT,
                           "'%s' is not an IPv4 prefix: NetNat translates IPv4 only.", s);
    hv_nl_prefix_mask(ip, *len);
    char a[64];
    snprintf(out, outsz, "%s/%d", hv_nl_ip_format(ip, a, sizeof a), *len);
    return 0;
}

int
hv_nft_nat_check(hv_nft_nat *nat, hv_eng_err *err)
{
    if (check_name(nat->name, "NAT", err) < 0)
        return -1;
    hv_nl_ip ip, oip;
    int len, olen;
    char canon[64];
    if (!nat->internal_prefix[0])
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "No matching interface was found for prefix (null).");
    if (v4_prefix(nat->internal_prefix, canon, sizeof canon, &ip, &len, err) < 0)
        return -1;
    snprintf(nat->internal_prefix, sizeof nat->internal_prefix, "%s", canon);
    if (nat->external_prefix[0]) {
        if (v4_prefix(nat->external_prefix, canon, sizeof canon, &oip, &olen, err) < 0)
            return -1;
        snprintf(nat->external_prefix, sizeof nat->external_prefix, "%s", canon);
    }
    nft_state st;
    if (state_load(&st, err) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < st.nn && rc == 0; i++) {
        if (!strcasecmp(st.nats[i].name, nat->name))
            rc = hv_eng_fail(err, HV_ENG_EXISTS, EEXIST, "A NAT named '%s' already exists.",
                             st.nats[i].name);
        else if (hv_nl_prefix_parse(st.nats[i].internal_prefix, true, &oip, &olen, NULL) == 0 &&
                 hv_nl_prefix_overlap(&ip, len, &oip, olen))
            rc = hv_eng_fail(err, HV_ENG_CONFLICT, EINVAL,
                             "The internal prefix %s overlaps the prefix %s of NAT '%s'.",
                             nat->internal_prefix, st.nats[i].internal_prefix, st.nats[i].name);
    }
    state_free(&st);
    return rc;
}

static void
put_chains(sbuf *b)
{
    sb_printf(b, "add table " TBL "\n");
    sb_printf(b, "add chain " TBL " postrouting { type nat hook postrouting priority srcnat; "
                 "policy accept; }\n");
    sb_printf(b, "add chain " TBL " prerouting { type nat hook prerouting priority dstnat; "
                 "policy accept; }\n");
}

char *
hv_nft_nat_add_batch(const hv_nft_nat *nat)
{
    sbuf b = {0};
    put_chains(&b);
    sb_printf(&b,
              "add rule " TBL " postrouting ip saddr %s ip daddr != %s counter masquerade "
              "comment \"NetNat:%s|%s|%s\"\n",
              nat->internal_prefix, nat->internal_prefix, nat->internal_prefix,
              nat->external_prefix, nat->name);
    return b.data;
}

int
hv_nft_nat_add(hv_nft_nat *nat, hv_eng_err *err)
{
    if (hv_nft_nat_check(nat, err) < 0)
        return -1;
    char *batch = hv_nft_nat_add_batch(nat);
    int rc = nft_exec(batch, false, NULL, NULL, err);
    free(batch);
    return rc;
}

/* Delete batch for the NAT `name` (or the mapping `id` when name is NULL). The table goes
 * too when nothing of ours would remain. NULL + NOT_FOUND when there is nothing to delete. */
static char *
del_batch(const char *name, unsigned id, hv_eng_err *err)
{
    nft_state st;
    if (state_load(&st, err) < 0)
        return NULL;
    sbuf b = {0};
    size_t left = st.nn + st.nm, gone = 0;
    const char *real = NULL;
    for (size_t i = 0; name && i < st.nn; i++)
        if (!strcasecmp(st.nats[i].name, name)) {
            real = st.nats[i].name;
            sb_printf(&b, "delete rule " TBL " postrouting handle %llu\n",
                      (unsigned long long)st.nats[i].handle);
            gone++;
        }
    for (size_t i = 0; i < st.nm; i++)
        if (name ? (real && !strcasecmp(st.maps[i].nat_name, real)) : st.maps[i].id == id) {
            sb_printf(&b, "delete rule " TBL " prerouting handle %llu\n",
                      (unsigned long long)st.maps[i].handle);
            gone++;
        }
    if (gone == 0) {
        if (name)
            hv_eng_fail(err, HV_ENG_NOT_FOUND, ENOENT, "No NAT is named '%s'.", name);
        else
            hv_eng_fail(err, HV_ENG_NOT_FOUND, ENOENT, "No static mapping has the id %u.", id);
        state_free(&st);
        free(b.data);
        return NULL;
    }
    if (gone == left)
        sb_printf(&b, "delete table " TBL "\n");
    state_free(&st);
    return b.data;
}

char *
hv_nft_nat_del_batch(const char *name, hv_eng_err *err)
{
    return del_batch(name, 0, err);
}

int
hv_nft_nat_del(const char *name, hv_eng_err *err)
{
    char *batch = del_batch(name, 0, err);
    if (!batch)
        return -1;
    int rc = nft_exec(batch, false, NULL, NULL, err);
    free(batch);
    return rc;
}

/* ================================ static mappings ================================ */

static int
check_v4(const char *s, const char *what, char *out, size_t outsz, hv_eng_err *err)
{
    char a[64];
    snprintf(a, sizeof a, "%s", s);
    char *slash = strchr(a, '/'); /* "0.0.0.0/24" in Microsoft's own example */
    if (slash)
        *slash = 0;
    hv_nl_ip ip;
    if (hv_nl_ip_parse(a, AF_INET, &ip, NULL) < 0)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "'%s' is not a valid IPv4 %s.", s, what);
    hv_nl_ip_format(&ip, out, outsz);
    return 0;
}

int
hv_nft_map_check(hv_nft_map *m, hv_eng_err *err)
{
    if (check_name(m->nat_name, "NAT", err) < 0)
        return -1;
    if (!strcasecmp(m->protocol, "tcp"))
        memcpy(m->protocol, "TCP", 4);
    else if (!strcasecmp(m->protocol, "udp"))
        memcpy(m->protocol, "UDP", 4);
    else
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The protocol must be TCP or UDP.");
    if (m->external_port < 1 || m->external_port > 65535 || m->internal_port < 1 ||
        m->internal_port > 65535)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE, "Ports must be between 1 and 65535.");
    if (!m->external_ip[0])
        snprintf(m->external_ip, sizeof m->external_ip, "0.0.0.0");
    char buf[46];
    if (check_v4(m->external_ip, "external address", buf, sizeof buf, err) < 0)
        return -1;
    memcpy(m->external_ip, buf, sizeof buf);
    if (check_v4(m->internal_ip, "internal address", buf, sizeof buf, err) < 0)
        return -1;
    memcpy(m->internal_ip, buf, sizeof buf);
    nft_state st;
    if (state_load(&st, err) < 0)
        return -1;
    int rc = hv_eng_fail(err, HV_ENG_NOT_FOUND, ENOENT, "No NAT is named '%s'.", m->nat_name);
    for (size_t i = 0; i < st.nn; i++)
        if (!strcasecmp(st.nats[i].name, m->nat_name)) {
            snprintf(m->nat_name, sizeof m->nat_name, "%s", st.nats[i].name);
            hv_eng_err_clear(err);
            rc = 0;
        }
    unsigned next = 0; /* Windows numbers static mappings from 0 */
    for (size_t i = 0; i < st.nm; i++) {
        const hv_nft_map *o = &st.maps[i];
        if (o->id + 1 > next)
            next = o->id + 1;
        bool any = !strcmp(o->external_ip, "0.0.0.0") || !strcmp(m->external_ip, "0.0.0.0");
        if (rc == 0 && !strcmp(o->protocol, m->protocol) && o->external_port == m->external_port &&
            (any || !strcmp(o->external_ip, m->external_ip)))
            rc = hv_eng_fail(err, HV_ENG_EXISTS, EEXIST,
                             "A static mapping for %s port %u already exists (id %u).",
                             m->protocol, m->external_port, o->id);
    }
    m->id = next;
    state_free(&st);
    return rc;
}

char *
hv_nft_map_add_batch(const hv_nft_map *m)
{
    sbuf b = {0};
    put_chains(&b);
    char daddr[80] = "";
    if (strcmp(m->external_ip, "0.0.0.0"))
        snprintf(daddr, sizeof daddr, "ip daddr %s ", m->external_ip);
    const char *proto = !strcmp(m->protocol, "TCP") ? "tcp" : "udp";
    sb_printf(&b,
              "add rule " TBL " prerouting %s%s dport %u counter dnat to %s:%u "
              "comment \"NetNatMap:%u|%s|%s|%u|%s|%u|%s\"\n",
              daddr, proto, m->external_port, m->internal_ip, m->internal_port, m->id,
              m->protocol, m->external_ip, m->external_port, m->internal_ip, m->internal_port,
              m->nat_name);
    return b.data;
}

int
hv_nft_map_add(hv_nft_map *m, hv_eng_err *err)
{
    if (hv_nft_map_check(m, err) < 0)
        return -1;
    char *batch = hv_nft_map_add_batch(m);
    int rc = nft_exec(batch, false, NULL, NULL, err);
    free(batch);
    return rc;
}

int
hv_nft_map_del(unsigned id, hv_eng_err *err)
{
    char *batch = del_batch(NULL, id, err);
    if (!batch)
        return -1;
    int rc = nft_exec(batch, false, NULL, NULL, err);
    free(batch);
    return rc;
}
