/* netstate.c — the saved host-network state (JSON via jansson) and `hvsh -Restore`. */
#include "engine/netstate.h"

#include "engine/fault.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/netlink.h"
#include "engine/nft.h"
#include "engine/resolv.h"
#include "engine/fw.h"

#define VEC(T)        \
    struct {          \
        T *v;         \
        size_t n, cap; \
    }

struct hv_netstate {
    int lock_fd;
    int tmp_fd;                 /* the prepared temp file (hv_netstate_prepare), else -1 */
    char tmp[PATH_MAX + 16];
    bool dirty;
    bool read_only;
    char path[PATH_MAX];
    VEC(hv_ns_switch) sw;
    VEC(hv_ns_addr) addr;
    VEC(hv_ns_route) route;
    VEC(hv_ns_nat) nat;
    VEC(hv_ns_map) map;
    VEC(hv_ns_dns) dns;
    json_t *extra;              /* top-level sections other modules own ("firewall"): kept
                                   as they are, so a save by one module never drops another's */
};

/* Append one zeroed element to a VEC and return it. */
#define VEC_PUSH(vec)                                                          \
    (((vec).n == (vec).cap                                                     \
          ? ((vec).cap = (vec).cap ? (vec).cap * 2 : 8,                        \
             (vec).v = realloc((vec).v, (vec).cap * sizeof *(vec).v),          \
             (vec).v ? (void)0 : abort())                                      \
          : (void)0),                                                          \
     memset(&(vec).v[(vec).n], 0, sizeof *(vec).v), &(vec).v[(vec).n++])

#define VEC_DEL(vec, i) \
    (memmove(&(vec).v[i], &(vec).v[(i) + 1], ((vec).n - (i) - 1) * sizeof *(vec).v), (vec).n--)

static void
cpy(char *dst, size_t n, const char *src)
{
    size_t len = src ? strlen(src) : 0;
    if (len >= n)
        len = n - 1; /* records have fixed sizes; longer input was validated before */
    memcpy(dst, src ? src : "", len);
    dst[len] = 0;
}
#define CPY(dst, src) cpy(dst, sizeof(dst), src)

const char *
hv_netstate_dir(void)
{
    const char *d = getenv("HVSH_STATE_DIR");
    return d && *d ? d : "/var/lib/hvsh";
}

/* mkdir -p with mode 0700 for the components we create. */
static int
make_dir(const char *dir)
{
    char tmp[PATH_MAX];
    cpy(tmp, sizeof tmp, dir);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    if (mkdir(tmp, 0700) < 0 && errno != EEXIST)
        return -1;
    return 0;
}

/* ================================ JSON <-> records ================================ */

static const char *
js(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static unsigned
ju(json_t *o, const char *k)
{
    return (unsigned)json_integer_value(json_object_get(o, k));
}

static void
load_json(hv_netstate *st, json_t *root)
{
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(root, "switches"), i, o) {
        hv_ns_switch *s = VEC_PUSH(st->sw);
        CPY(s->name, js(o, "name"));
        CPY(s->type, js(o, "type"));
        CPY(s->adapter, js(o, "adapter"));
        s->allow_mgmt = json_is_true(json_object_get(o, "allowManagementOS"));
    }
    json_array_foreach(json_object_get(root, "addresses"), i, o) {
        hv_ns_addr *a = VEC_PUSH(st->addr);
        CPY(a->iface, js(o, "interface"));
        CPY(a->ip, js(o, "ip"));
        a->prefix = (int)ju(o, "prefixLength");
        a->skip_as_source = json_is_true(json_object_get(o, "skipAsSource"));
    }
    json_array_foreach(json_object_get(root, "routes"), i, o) {
        hv_ns_route *r = VEC_PUSH(st->route);
        CPY(r->iface, js(o, "interface"));
        CPY(r->dst, js(o, "destination"));
        CPY(r->gateway, js(o, "gateway"));
        r->metric = ju(o, "metric");
    }
    json_array_foreach(json_object_get(root, "nats"), i, o) {
        hv_ns_nat *n = VEC_PUSH(st->nat);
        CPY(n->name, js(o, "name"));
        CPY(n->internal, js(o, "internal"));
        CPY(n->external, js(o, "external"));
    }
    json_array_foreach(json_object_get(root, "mappings"), i, o) {
        hv_ns_map *m = VEC_PUSH(st->map);
        m->id = ju(o, "id");
        CPY(m->nat, js(o, "nat"));
        CPY(m->protocol, js(o, "protocol"));
        CPY(m->ext_ip, js(o, "externalIP"));
        m->ext_port = ju(o, "externalPort");
        CPY(m->int_ip, js(o, "internalIP"));
        m->int_port = ju(o, "internalPort");
    }
    json_array_foreach(json_object_get(root, "dns"), i, o) {
        hv_ns_dns *d = VEC_PUSH(st->dns);
        CPY(d->iface, js(o, "interface"));
        size_t j;
        json_t *s;
        json_array_foreach(json_object_get(o, "servers"), j, s) {
            if (d->n < HV_NS_MAX_DNS && json_is_string(s))
                CPY(d->servers[d->n++], json_string_value(s));
        }
    }
}

/* Sections this file does not know are kept verbatim (see struct hv_netstate .extra). */
static void
load_extra(hv_netstate *st, json_t *root)
{
    static const char *const known[] = {"version", "switches", "addresses", "routes", "nats",
                                        "mappings", "dns", NULL};
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        bool k = false;
        for (int i = 0; known[i] && !k; i++)
            k = !strcmp(key, known[i]);
        if (k)
            continue;
        if (!st->extra)
            st->extra = json_object();
        json_object_set(st->extra, key, val);
    }
}

static json_t *
dump_json(const hv_netstate *st)
{
    json_t *root = json_object(), *a;
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "switches", a = json_array());
    for (size_t i = 0; i < st->sw.n; i++) {
        const hv_ns_switch *s = &st->sw.v[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:b}", "name", s->name, "type",
                                           s->type, "adapter", s->adapter, "allowManagementOS",
                                           s->allow_mgmt));
    }
    json_object_set_new(root, "addresses", a = json_array());
    for (size_t i = 0; i < st->addr.n; i++) {
        const hv_ns_addr *x = &st->addr.v[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:i, s:b}", "interface", x->iface, "ip",
                                           x->ip, "prefixLength", x->prefix, "skipAsSource",
                                           x->skip_as_source));
    }
    json_object_set_new(root, "routes", a = json_array());
    for (size_t i = 0; i < st->route.n; i++) {
        const hv_ns_route *r = &st->route.v[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:I}", "interface", r->iface,
                                           "destination", r->dst, "gateway", r->gateway,
                                           "metric", (json_int_t)r->metric));
    }
    json_object_set_new(root, "nats", a = json_array());
    for (size_t i = 0; i < st->nat.n; i++) {
        const hv_ns_nat *n = &st->nat.v[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "name", n->name, "internal",
                                           n->internal, "external", n->external));
    }
    json_object_set_new(root, "mappings", a = json_array());
    for (size_t i = 0; i < st->map.n; i++) {
        const hv_ns_map *m = &st->map.v[i];
        json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:I}", "id",
                                           (json_int_t)m->id, "nat", m->nat, "protocol",
                                           m->protocol, "externalIP", m->ext_ip, "externalPort",
                                           (json_int_t)m->ext_port, "internalIP", m->int_ip,
                                           "internalPort", (json_int_t)m->int_port));
    }
    json_object_set_new(root, "dns", a = json_array());
    for (size_t i = 0; i < st->dns.n; i++) {
        const hv_ns_dns *d = &st->dns.v[i];
        json_t *sv = json_array();
        for (size_t j = 0; j < d->n; j++)
            json_array_append_new(sv, json_string(d->servers[j]));
        json_array_append_new(a, json_pack("{s:s, s:o}", "interface", d->iface, "servers", sv));
    }
    if (st->extra)
        json_object_update_missing(root, st->extra);
    return root;
}

/* ================================ open / save / close ================================ */

/* Open (read_only: without creating anything, under a shared lock when one exists). */
static int
state_open(hv_netstate **out, bool read_only, hv_eng_err *err)
{
    const char *dir = hv_netstate_dir();
    if (!read_only && make_dir(dir) < 0)
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno,
                           "Cannot create the state directory %s: %s", dir, strerror(errno));
    hv_netstate *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    st->tmp_fd = -1;
    char lock[PATH_MAX + 32];
    snprintf(lock, sizeof lock, "%s/netstate.lock", dir);
    snprintf(st->path, sizeof st->path, "%s/netstate.json", dir);
    st->lock_fd = open(lock, read_only ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    st->read_only = read_only;
    if (read_only && st->lock_fd < 0 && (errno == ENOENT || errno == EACCES)) {
        *out = st; /* nothing saved yet (or not ours to read): an empty state */
        return 0;
    }
    if (st->lock_fd < 0 || flock(st->lock_fd, read_only ? LOCK_SH : LOCK_EX) < 0) {
        int e = errno;
        hv_netstate_close(st);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot lock %s: %s", lock,
                           strerror(e));
    }
    json_error_t je;
    json_t *root = json_load_file(st->path, 0, &je);
    if (!root && access(st->path, F_OK) == 0) {
        hv_netstate_close(st);
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The state file %s is damaged: %s",
                           lock, je.text);
    }
    if (root) {
        load_json(st, root);
        load_extra(st, root);
        json_decref(root);
    }
    *out = st;
    return 0;
}

int
hv_netstate_open(hv_netstate **out, hv_eng_err *err)
{
    return state_open(out, false, err);
}

int
hv_netstate_load(hv_netstate **out, hv_eng_err *err)
{
    return state_open(out, true, err);
}

/* Create the temp file the next save writes into (0600 from mkstemp: root-only). */
static int
make_tmp(hv_netstate *st, hv_eng_err *err)
{
    if (st->tmp_fd >= 0)
        return 0;
    if (st->read_only)
        return hv_eng_fail(err, HV_ENG_INVALID, EBADF, "The state was opened read-only.");
    snprintf(st->tmp, sizeof st->tmp, "%s.XXXXXX", st->path);
    st->tmp_fd = hv_eng_fault("file:netstate") ? -1 : mkstemp(st->tmp);
    if (st->tmp_fd < 0)
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno, "Cannot write %s: %s",
                           st->path, strerror(errno));
    return 0;
}

static void
drop_tmp(hv_netstate *st)
{
    if (st->tmp_fd < 0)
        return;
    close(st->tmp_fd);
    unlink(st->tmp);
    st->tmp_fd = -1;
}

int
hv_netstate_prepare(hv_netstate *st, hv_eng_err *err)
{
    if (make_tmp(st, err) < 0)
        return -1;
    /* reserve room for the new state so the write after the live change does not run out
     * of space (the state grows by one record per command; 64 KiB is far more) */
    struct stat sb;
    off_t want = (stat(st->path, &sb) == 0 ? sb.st_size : 0) + 65536;
    int e = posix_fallocate(st->tmp_fd, 0, want);
    if (e != 0 && e != EOPNOTSUPP && e != EINVAL) {
        drop_tmp(st);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot write %s: %s", st->path,
                           strerror(e));
    }
    return 0;
}

int
hv_netstate_save(hv_netstate *st, hv_eng_err *err)
{
    if (!st->dirty) {
        drop_tmp(st);
        return 0;
    }
    if (make_tmp(st, err) < 0)
        return -1;
    json_t *root = dump_json(st);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    size_t len = strlen(text);
    int fd = st->tmp_fd;
    bool ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1 &&
              ftruncate(fd, (off_t)len + 1) == 0 && fsync(fd) == 0;
    int e = errno;
    free(text);
    close(fd);
    st->tmp_fd = -1;
    if (!ok || rename(st->tmp, st->path) < 0) {
        if (ok)
            e = errno;
        unlink(st->tmp);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot write %s: %s", st->path,
                           strerror(e));
    }
    st->dirty = false;
    return 0;
}

void
hv_netstate_close(hv_netstate *st)
{
    if (!st)
        return;
    drop_tmp(st);
    if (st->lock_fd >= 0)
        close(st->lock_fd); /* releases the flock */
    free(st->sw.v);
    free(st->addr.v);
    free(st->route.v);
    free(st->nat.v);
    free(st->map.v);
    free(st->dns.v);
    if (st->extra)
        json_decref(st->extra);
    free(st);
}

/* ================================ access ================================ */

size_t hv_netstate_switches(const hv_netstate *st, const hv_ns_switch **out) { *out = st->sw.v; return st->sw.n; }
size_t hv_netstate_addrs(const hv_netstate *st, const hv_ns_addr **out) { *out = st->addr.v; return st->addr.n; }
size_t hv_netstate_routes(const hv_netstate *st, const hv_ns_route **out) { *out = st->route.v; return st->route.n; }
size_t hv_netstate_nats(const hv_netstate *st, const hv_ns_nat **out) { *out = st->nat.v; return st->nat.n; }
size_t hv_netstate_maps(const hv_netstate *st, const hv_ns_map **out) { *out = st->map.v; return st->map.n; }
size_t hv_netstate_dns_list(const hv_netstate *st, const hv_ns_dns **out) { *out = st->dns.v; return st->dns.n; }

const hv_ns_dns *
hv_netstate_dns_get(const hv_netstate *st, const char *iface)
{
    for (size_t i = 0; i < st->dns.n; i++)
        if (!strcasecmp(st->dns.v[i].iface, iface))
            return &st->dns.v[i];
    return NULL;
}

/* ================================ changes ================================ */

void
hv_netstate_put_switch(hv_netstate *st, const hv_ns_switch *sw)
{
    for (size_t i = 0; i < st->sw.n; i++)
        if (!strcasecmp(st->sw.v[i].name, sw->name)) {
            st->sw.v[i] = *sw;
            st->dirty = true;
            return;
        }
    *VEC_PUSH(st->sw) = *sw;
    st->dirty = true;
}

static void
forget_iface(hv_netstate *st, const char *iface)
{
    for (size_t i = st->addr.n; i-- > 0;)
        if (!strcasecmp(st->addr.v[i].iface, iface))
            VEC_DEL(st->addr, i);
    for (size_t i = st->route.n; i-- > 0;)
        if (!strcasecmp(st->route.v[i].iface, iface))
            VEC_DEL(st->route, i);
    for (size_t i = st->dns.n; i-- > 0;)
        if (!strcasecmp(st->dns.v[i].iface, iface))
            VEC_DEL(st->dns, i);
}

bool
hv_netstate_del_switch(hv_netstate *st, const char *name)
{
    bool hit = false;
    for (size_t i = st->sw.n; i-- > 0;)
        if (!strcasecmp(st->sw.v[i].name, name)) {
            VEC_DEL(st->sw, i);
            hit = true;
        }
    char alias[HV_NL_ALIASSIZ];
    hv_nl_switch_alias(name, alias);
    forget_iface(st, alias);
    st->dirty = true;
    return hit;
}

void
hv_netstate_rename_iface(hv_netstate *st, const char *old_name, const char *new_name)
{
    for (size_t i = 0; i < st->addr.n; i++)
        if (!strcasecmp(st->addr.v[i].iface, old_name))
            CPY(st->addr.v[i].iface, new_name);
    for (size_t i = 0; i < st->route.n; i++)
        if (!strcasecmp(st->route.v[i].iface, old_name))
            CPY(st->route.v[i].iface, new_name);
    for (size_t i = 0; i < st->dns.n; i++)
        if (!strcasecmp(st->dns.v[i].iface, old_name))
            CPY(st->dns.v[i].iface, new_name);
    for (size_t i = 0; i < st->sw.n; i++)
        if (!strcasecmp(st->sw.v[i].adapter, old_name))
            CPY(st->sw.v[i].adapter, new_name);
    st->dirty = true;
}

bool
hv_netstate_rename_switch(hv_netstate *st, const char *old_name, const char *new_name)
{
    bool hit = false;
    for (size_t i = 0; i < st->sw.n; i++)
        if (!strcasecmp(st->sw.v[i].name, old_name)) {
            CPY(st->sw.v[i].name, new_name);
            hit = true;
        }
    char a1[HV_NL_ALIASSIZ], a2[HV_NL_ALIASSIZ];
    hv_nl_switch_alias(old_name, a1);
    hv_nl_switch_alias(new_name, a2);
    hv_netstate_rename_iface(st, a1, a2);
    return hit;
}

void
hv_netstate_put_addr(hv_netstate *st, const hv_ns_addr *a)
{
    hv_netstate_del_addr(st, a->iface, a->ip);
    *VEC_PUSH(st->addr) = *a;
    st->dirty = true;
}

bool
hv_netstate_del_addr(hv_netstate *st, const char *iface, const char *ip)
{
    bool hit = false;
    for (size_t i = st->addr.n; i-- > 0;)
        if (!strcasecmp(st->addr.v[i].iface, iface) && !strcasecmp(st->addr.v[i].ip, ip)) {
            VEC_DEL(st->addr, i);
            hit = st->dirty = true;
        }
    return hit;
}

void
hv_netstate_put_route(hv_netstate *st, const hv_ns_route *r)
{
    hv_netstate_del_route(st, r->iface, r->dst, r->gateway);
    *VEC_PUSH(st->route) = *r;
    st->dirty = true;
}

bool
hv_netstate_del_route(hv_netstate *st, const char *iface, const char *dst, const char *gateway)
{
    bool hit = false;
    for (size_t i = st->route.n; i-- > 0;) {
        const hv_ns_route *r = &st->route.v[i];
        if (!strcasecmp(r->iface, iface) && !strcasecmp(r->dst, dst) &&
            !strcasecmp(r->gateway, gateway ? gateway : "")) {
            VEC_DEL(st->route, i);
            hit = st->dirty = true;
        }
    }
    return hit;
}

void
hv_netstate_put_nat(hv_netstate *st, const hv_ns_nat *n)
{
    for (size_t i = st->nat.n; i-- > 0;)
        if (!strcasecmp(st->nat.v[i].name, n->name))
            VEC_DEL(st->nat, i);
    *VEC_PUSH(st->nat) = *n;
    st->dirty = true;
}

bool
hv_netstate_del_nat(hv_netstate *st, const char *name)
{
    bool hit = false;
    for (size_t i = st->nat.n; i-- > 0;)
        if (!strcasecmp(st->nat.v[i].name, name)) {
            VEC_DEL(st->nat, i);
            hit = st->dirty = true;
        }
    for (size_t i = st->map.n; i-- > 0;)
        if (!strcasecmp(st->map.v[i].nat, name)) {
            VEC_DEL(st->map, i);
            st->dirty = true;
        }
    return hit;
}

void
hv_netstate_put_map(hv_netstate *st, const hv_ns_map *m)
{
    hv_netstate_del_map(st, m->id);
    *VEC_PUSH(st->map) = *m;
    st->dirty = true;
}

bool
hv_netstate_del_map(hv_netstate *st, unsigned id)
{
    bool hit = false;
    for (size_t i = st->map.n; i-- > 0;)
        if (st->map.v[i].id == id) {
            VEC_DEL(st->map, i);
            hit = st->dirty = true;
        }
    return hit;
}

void
hv_netstate_set_dns(hv_netstate *st, const char *iface, const char *const *servers, size_t n)
{
    for (size_t i = st->dns.n; i-- > 0;)
        if (!strcasecmp(st->dns.v[i].iface, iface))
            VEC_DEL(st->dns, i);
    st->dirty = true;
    if (n == 0)
        return;
    hv_ns_dns *d = VEC_PUSH(st->dns);
    CPY(d->iface, iface);
    for (size_t i = 0; i < n && i < HV_NS_MAX_DNS; i++)
        CPY(d->servers[d->n++], servers[i]);
}

/* ================================ one-shot helpers ================================ */

static int
one_shot(int (*fn)(hv_netstate *, const void *, const void *), const void *a, const void *b,
         hv_eng_err *err)
{
    hv_netstate *st;
    if (hv_netstate_open(&st, err) < 0)
        return -1;
    fn(st, a, b);
    int rc = hv_netstate_save(st, err);
    hv_netstate_close(st);
    return rc;
}

static int
do_put_switch(hv_netstate *st, const void *a, const void *b)
{
    (void)b;
    hv_netstate_put_switch(st, a);
    return 0;
}

static int
do_del_switch(hv_netstate *st, const void *a, const void *b)
{
    (void)b;
    return hv_netstate_del_switch(st, a);
}

static int
do_rename_switch(hv_netstate *st, const void *a, const void *b)
{
    return hv_netstate_rename_switch(st, a, b);
}

int
hv_netstate_record_switch(const hv_ns_switch *sw, hv_eng_err *err)
{
    return one_shot(do_put_switch, sw, NULL, err);
}

int
hv_netstate_forget_switch(const char *name, hv_eng_err *err)
{
    return one_shot(do_del_switch, name, NULL, err);
}

int
hv_netstate_record_switch_rename(const char *old_name, const char *new_name, hv_eng_err *err)
{
    return one_shot(do_rename_switch, old_name, new_name, err);
}

/* ================================ restore ================================ */

typedef struct {
    FILE *log;
    hv_eng_err *err;
    int failures;
} restore_ctx;

static void
rlog(restore_ctx *rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
rlog(restore_ctx *rc, const char *fmt, ...)
{
    if (!rc->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(rc->log, fmt, ap);
    va_end(ap);
    fputc('\n', rc->log);
}

static void
rfail(restore_ctx *rc, const char *what, const hv_eng_err *e)
{
    rlog(rc, "failed: %s: %s", what, e->msg);
    if (rc->failures++ == 0 && rc->err)
        *rc->err = *e;
}

static void
restore_switches(hv_nl *nl, const hv_netstate *st, restore_ctx *rc)
{
    for (size_t i = 0; i < st->sw.n; i++) {
        const hv_ns_switch *s = &st->sw.v[i];
        hv_nl_link l;
        hv_eng_err e;
        if (hv_nl_switch_find(nl, s->name, &l, NULL) == 0) {
            rlog(rc, "switch %s: present (%s)", s->name, l.name);
        } else if (hv_nl_switch_create(nl, s->name, &l, &e) < 0) {
            rfail(rc, s->name, &e);
            continue;
        } else {
            rlog(rc, "switch %s: created bridge %s", s->name, l.name);
        }
        if (s->adapter[0]) {
            if (hv_nl_switch_attach(nl, s->name, s->adapter, s->allow_mgmt, &e) < 0)
                rfail(rc, s->adapter, &e);
            else
                rlog(rc, "switch %s: adapter %s bound", s->name, s->adapter);
        }
    }
}

static bool
addr_present(hv_nl *nl, int ifindex, const hv_nl_ip *ip)
{
    hv_nl_addr *v;
    size_t n;
    if (hv_nl_addrs(nl, ip->family, ifindex, &v, &n, NULL) < 0)
        return false;
    bool hit = false;
    for (size_t i = 0; i < n && !hit; i++)
        hit = !memcmp(v[i].addr.addr, ip->addr, ip->family == AF_INET6 ? 16 : 4);
    free(v);
    return hit;
}

static void
restore_addrs(hv_nl *nl, const hv_netstate *st, restore_ctx *rc)
{
    for (size_t i = 0; i < st->addr.n; i++) {
        const hv_ns_addr *a = &st->addr.v[i];
        hv_nl_link l;
        hv_nl_ip ip;
        hv_eng_err e;
        /* A saved host-vNIC address implies its switch even when the switch itself was not
         * recorded (e.g. made by a New-VMSwitch that does not save): recreate the bridge. */
        size_t il = strlen(a->iface);
        if (hv_nl_link_find(nl, a->iface, &l, NULL) < 0 && !strncasecmp(a->iface, "vEthernet (", 11) &&
            il > 12 && a->iface[il - 1] == ')') {
            char sw[HV_NS_NAME];
            snprintf(sw, sizeof sw, "%.*s", (int)(il - 12), a->iface + 11);
            if (hv_nl_switch_create(nl, sw, &l, &e) == 0)
                rlog(rc, "switch %s: created bridge %s (for its adapter's address)", sw, l.name);
        }
        if (hv_nl_link_find(nl, a->iface, &l, &e) < 0 || hv_nl_ip_parse(a->ip, 0, &ip, &e) < 0) {
            rfail(rc, a->iface, &e);
            continue;
        }
        if (addr_present(nl, l.ifindex, &ip)) {
            rlog(rc, "address %s/%d on %s: present", a->ip, a->prefix, a->iface);
            continue;
        }
        if (hv_nl_addr_add(nl, l.ifindex, &ip, a->prefix, 0,
                           a->skip_as_source ? 0 : HV_NL_INFINITE, &e) < 0)
            rfail(rc, a->ip, &e);
        else
            rlog(rc, "address %s/%d on %s: added", a->ip, a->prefix, a->iface);
    }
}

static void
restore_routes(hv_nl *nl, const hv_netstate *st, restore_ctx *rc)
{
    for (size_t i = 0; i < st->route.n; i++) {
        const hv_ns_route *r = &st->route.v[i];
        hv_nl_link l;
        hv_nl_route nr = {0};
        hv_eng_err e;
        if (hv_nl_link_find(nl, r->iface, &l, &e) < 0 ||
            hv_nl_prefix_parse(r->dst, true, &nr.dst, &nr.dst_len, &e) < 0 ||
            (r->gateway[0] && hv_nl_ip_parse(r->gateway, nr.dst.family, &nr.gateway, &e) < 0)) {
            rfail(rc, r->dst, &e);
            continue;
        }
        nr.family = nr.dst.family;
        nr.has_gateway = r->gateway[0] != 0;
        nr.oif = l.ifindex;
        nr.metric = r->metric;
        if (hv_nl_route_add(nl, &nr, &e) < 0 && e.code != HV_ENG_EXISTS)
            rfail(rc, r->dst, &e);
        else
            rlog(rc, "route %s%s%s on %s: in place", r->dst, r->gateway[0] ? " via " : "",
                 r->gateway, r->iface);
    }
}

static void
restore_nats(const hv_netstate *st, restore_ctx *rc)
{
    hv_nft_nat *have;
    size_t nh;
    hv_eng_err e;
    if (!st->nat.n)
        return;
    if (hv_nft_nat_list(&have, &nh, &e) < 0) {
        rfail(rc, "NAT", &e);
        return;
    }
    for (size_t i = 0; i < st->nat.n; i++) {
        const hv_ns_nat *n = &st->nat.v[i];
        bool present = false;
        for (size_t j = 0; j < nh; j++)
            present |= !strcasecmp(have[j].name, n->name);
        if (present) {
            rlog(rc, "NAT %s: present", n->name);
            continue;
        }
        hv_nft_nat x = {0};
        CPY(x.name, n->name);
        CPY(x.internal_prefix, n->internal);
        CPY(x.external_prefix, n->external);
        if (hv_nft_nat_add(&x, &e) < 0)
            rfail(rc, n->name, &e);
        else
            rlog(rc, "NAT %s: added (%s)", n->name, x.internal_prefix);
    }
    free(have);
    hv_nft_map *maps;
    size_t nm;
    if (hv_nft_map_list(&maps, &nm, &e) < 0) {
        rfail(rc, "NAT mappings", &e);
        return;
    }
    for (size_t i = 0; i < st->map.n; i++) {
        const hv_ns_map *m = &st->map.v[i];
        bool present = false;
        for (size_t j = 0; j < nm; j++)
            present |= maps[j].external_port == m->ext_port && !strcmp(maps[j].protocol, m->protocol);
        if (present)
            continue;
        hv_nft_map x = {.external_port = m->ext_port, .internal_port = m->int_port};
        CPY(x.nat_name, m->nat);
        CPY(x.protocol, m->protocol);
        CPY(x.external_ip, m->ext_ip);
        CPY(x.internal_ip, m->int_ip);
        if (hv_nft_map_add(&x, &e) < 0)
            rfail(rc, m->nat, &e);
        else
            rlog(rc, "NAT %s: mapping %s %u -> %s:%u added", m->nat, m->protocol, m->ext_port,
                 m->int_ip, m->int_port);
    }
    free(maps);
    if (hv_nl_ip_forward_get(NULL) == 0) {
        if (hv_nl_ip_forward_set(true, &e) < 0)
            rfail(rc, "ip_forward", &e);
        else
            rlog(rc, "net.ipv4.ip_forward: switched on");
    }
}

static void
restore_dns(hv_nl *nl, const hv_netstate *st, restore_ctx *rc)
{
    if (!st->dns.n)
        return;
    hv_dns_iface *ifs = calloc(st->dns.n, sizeof *ifs);
    const char **ptrs = calloc(st->dns.n * HV_NS_MAX_DNS, sizeof *ptrs);
    if (!ifs || !ptrs)
        abort();
    for (size_t i = 0; i < st->dns.n; i++) {
        const hv_ns_dns *d = &st->dns.v[i];
        hv_nl_link l;
        ifs[i].ifname = d->iface;
        ifs[i].ifindex = hv_nl_link_find(nl, d->iface, &l, NULL) == 0 ? l.ifindex : 0;
        for (size_t j = 0; j < d->n; j++)
            ptrs[i * HV_NS_MAX_DNS + j] = d->servers[j];
        ifs[i].servers = &ptrs[i * HV_NS_MAX_DNS];
        ifs[i].n = d->n;
    }
    hv_eng_err e;
    if (hv_dns_apply(ifs, st->dns.n, &e) < 0)
        rfail(rc, "DNS", &e);
    else
        rlog(rc, "DNS servers: applied for %zu interface(s)", st->dns.n);
    free(ifs);
    free(ptrs);
}

int
hv_netstate_restore(FILE *log, hv_eng_err *err)
{
    hv_netstate *st;
    if (hv_netstate_open(&st, err) < 0)
        return -1;
    hv_nl *nl;
    if (hv_nl_open(&nl, err) < 0) {
        hv_netstate_close(st);
        return -1;
    }
    restore_ctx rc = {.log = log, .err = err};
    restore_switches(nl, st, &rc);
    restore_addrs(nl, st, &rc);
    restore_routes(nl, st, &rc);
    restore_nats(st, &rc);
    restore_dns(nl, st, &rc);
    hv_eng_err fe; /* firewall rules (engine/fw.c keeps them in their own section) */
    if (hv_nft_fw_restore(st, log, &fe) < 0)
        rfail(&rc, "firewall rules", &fe);
    hv_nl_close(nl);
    hv_netstate_close(st);
    return rc.failures ? -1 : 0;
}

/* ================================ sections of other modules ================================ */

char *
hv_netstate_section(const hv_netstate *st, const char *key)
{
    json_t *v = st->extra ? json_object_get(st->extra, key) : NULL;
    return v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER) : NULL;
}

int
hv_netstate_set_section(hv_netstate *st, const char *key, const char *json_text,
                        hv_eng_err *err)
{
    json_t *v = NULL;
    if (json_text) {
        json_error_t je;
        v = json_loads(json_text, JSON_DECODE_ANY, &je);
        if (!v)
            return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "Bad state section %s: %s", key,
                               je.text);
    }
    if (!st->extra)
        st->extra = json_object();
    if (v)
        json_object_set_new(st->extra, key, v);
    else
        json_object_del(st->extra, key);
    st->dirty = true;
    return 0;
}
