/* virt_conn.c — lazy libvirt loading, the per-process connection cache, errors, XML helpers.
 *
 * The only process-wide state of the engine lives here: the dlopen'ed function table and the
 * cached connections. It must outlive every cmdlet invocation because the test driver's
 * state (and a remote session) exists only while its connection is open. */
#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "engine/virt_int.h"

#include "engine/fault.h"
#include "engine/fault_virt.h"

static hv_virt_api g_api;
static bool g_loaded;
static hv_virt *g_conns;

void
hv_virt_err_set(hv_eng_err *err, int code, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    err->code = code;
    err->sys_errno = 0;
    err->virt_code = 0;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

static int
lv_code_map(int lv)
{
    switch (lv) {
    case VIR_ERR_NO_DOMAIN:
    case VIR_ERR_NO_NETWORK:
    case VIR_ERR_NO_DOMAIN_SNAPSHOT:
        return HV_VIRT_E_NOT_FOUND;
    case VIR_ERR_NO_SUPPORT:
        return HV_VIRT_E_UNSUPPORTED;
    case VIR_ERR_OPERATION_INVALID:
        return HV_VIRT_E_STATE;
    case VIR_ERR_INVALID_ARG:
    case VIR_ERR_XML_ERROR:
    case VIR_ERR_CONFIG_UNSUPPORTED:
        return HV_VIRT_E_INVALID;
    case VIR_ERR_DOM_EXIST:
    case VIR_ERR_NETWORK_EXIST:
        return HV_VIRT_E_EXISTS;
    default:
        return HV_VIRT_E_LIBVIRT;
    }
}

void
hv_virt_err_lv(hv_virt *v, hv_eng_err *err, int code)
{
    if (!err)
        return;
    virErrorPtr e = v ? v->api->virGetLastError() : (g_loaded ? g_api.virGetLastError() : NULL);
    err->sys_errno = errno;
    err->virt_code = e ? e->code : 0;
    err->code = code ? code : lv_code_map(err->virt_code);
    const char *fired = hv_eng_fault_fired();
    if (!e && fired && !strncmp(fired, "virt:", 5)) /* an injected failure sets no libvirt error */
        snprintf(err->msg, sizeof err->msg, "%s failed: %s", fired + 5, strerror(EIO));
    else
        snprintf(err->msg, sizeof err->msg, "%s",
                 e && e->message ? e->message : "unknown libvirt error");
    if (v)
        v->api->virResetLastError();
}

/* libvirt prints every error to stderr unless a handler is installed; errors reach the user
 * through the cmdlet layer instead. */
static void
quiet_errors(void *data, virErrorPtr e)
{
    (void)data;
    (void)e;
}

static void
quiet_xml(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* In a child made by fork() (a background job), the parent's connections are not ours to use
 * or close: their sockets belong to the parent's sessions with libvirtd. The child forgets them
 * and opens its own on first use. */
static void
forget_conns(void)
{
    g_conns = NULL;
}

static int
load_api(hv_eng_err *err)
{
    if (g_loaded)
        return 0;
    void *h = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        hv_virt_err_set(err, HV_VIRT_E_LOAD, "libvirt is not installed or cannot be loaded: %s",
                        dlerror());
        return -1;
    }
#define HV_VIRT_SYM(f)                                                                             \
    if (!(*(void **)&g_api.f = dlsym(h, #f))) {                                                    \
        hv_virt_err_set(err, HV_VIRT_E_LOAD, "libvirt.so.0 lacks %s", #f);                         \
        return -1;                                                                                 \
    }
    HV_VIRT_FUNCS(HV_VIRT_SYM)
#undef HV_VIRT_SYM
    g_api.virSetErrorFunc(NULL, quiet_errors);
    hv_eng_fault_wrap_virt(&g_api); /* fault injection (tests): no-op unless switched on */
    g_loaded = true;
    atexit(hv_virt_close_all);
    pthread_atfork(NULL, NULL, forget_conns);
    return 0;
}

void
hv_virt_close_all(void)
{
    while (g_conns) {
        hv_virt *n = g_conns->next;
        hv_virt_bmap_invalidate(g_conns);
        g_api.virConnectClose(g_conns->conn);
        free(g_conns->uri);
        free(g_conns);
        g_conns = n;
    }
}

static bool
uri_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

hv_virt *
hv_virt_open(const char *uri, hv_eng_err *err)
{
    if (uri && !*uri)
        uri = NULL;
    if (!uri) {
        const char *d = getenv("LIBVIRT_DEFAULT_URI");
        if (d && *d)
            uri = d;
    }
    for (hv_virt *c = g_conns; c; c = c->next)
        if (uri_eq(c->uri, uri))
            return c;
    if (load_api(err) < 0)
        return NULL;
    /* the test driver parses its node file with libxml2, whose default handler prints I/O
     * warnings to stderr; the failure reaches the user through err instead */
    xmlGenericErrorFunc old_fn = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet_xml);
    virConnectPtr conn = g_api.virConnectOpen(uri);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    if (!conn) {
        hv_virt_err_lv(NULL, err, HV_VIRT_E_CONNECT);
        g_api.virResetLastError();
        return NULL;
    }
    hv_virt *v = calloc(1, sizeof *v);
    if (!v)
        abort();
    v->api = &g_api;
    v->conn = conn;
    v->uri = uri ? hv_virt_strdup(uri) : NULL;
    const char *type = g_api.virConnectGetType(conn);
    v->is_test = type && strcasecmp(type, "test") == 0;
    v->next = g_conns;
    g_conns = v;
    return v;
}

char *
hv_virt_remote_uri(const char *tmpl, const char *computer)
{
    if (!tmpl || !*tmpl)
        tmpl = "qemu+ssh://{0}/system";
    const char *p = strstr(tmpl, "{0}");
    size_t skip = 3;
    if (!p) {
        p = strstr(tmpl, "%s");
        skip = 2;
    }
    size_t n = strlen(tmpl) + strlen(computer) + 1;
    char *out = malloc(n);
    if (!out)
        abort();
    if (!p) {
        snprintf(out, n, "%s", tmpl);
        return out;
    }
    snprintf(out, n, "%.*s%s%s", (int)(p - tmpl), tmpl, computer, p + skip);
    return out;
}

const char *
hv_virt_uri(const hv_virt *v)
{
    return v->uri;
}

bool
hv_virt_is_local(const hv_virt *v)
{
    const char *p = v->uri ? strstr(v->uri, "://") : NULL;
    return !p || p[3] == '/' || p[3] == 0 || p[3] == '?';
}

bool
hv_virt_is_test(const hv_virt *v)
{
    return v->is_test;
}

char *
hv_virt_hostname(hv_virt *v)
{
    char *h = v->api->virConnectGetHostname(v->conn);
    if (!h) {
        v->api->virResetLastError();
        return hv_virt_strdup("localhost");
    }
    /* Hyper-V shows the short NetBIOS-style name */
    char *dot = strchr(h, '.');
    if (dot)
        *dot = 0;
    return h;
}

/* ---- misc ---- */
char *
hv_virt_strdup(const char *s)
{
    if (!s)
        return NULL;
    char *r = strdup(s);
    if (!r)
        abort();
    return r;
}

bool
hv_virt_str_eq_ci(const char *a, const char *b)
{
    return a && b && hv_virt_cmp_ci(a, b) == 0;
}

/* Case-insensitive compare: ASCII folding plus a byte compare of the rest, which keeps
 * Unicode names working (exact-case match) without a table. */
int
hv_virt_cmp_ci(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb || !ca)
            return ca - cb;
    }
}

void
hv_virt_gen_mac(char out[18])
{
    static unsigned seq;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned r = (unsigned)(ts.tv_nsec ^ (ts.tv_sec << 8)) ^ (seq++ * 2654435761u);
    /* Hyper-V's OUI, as Hyper-V assigns */
    snprintf(out, 18, "00:15:5d:%02x:%02x:%02x", (r >> 16) & 0xff, (r >> 8) & 0xff, r & 0xff);
}

bool
hv_virt_mac_normalize(const char *in, char out[18])
{
    char hex[13];
    size_t n = 0;
    for (const char *p = in; *p; p++) {
        if (*p == ':' || *p == '-' || *p == '.')
            continue;
        if (!isxdigit((unsigned char)*p) || n == 12)
            return false;
        hex[n++] = (char)tolower((unsigned char)*p);
    }
    if (n != 12)
        return false;
    snprintf(out, 18, "%.2s:%.2s:%.2s:%.2s:%.2s:%.2s", hex, hex + 2, hex + 4, hex + 6, hex + 8,
             hex + 10);
    return true;
}

int
hv_virt_check_name(const char *kind, const char *name, hv_eng_err *err)
{
    if (!name || !*name) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The %s name cannot be empty.", kind);
        return -1;
    }
    if (strchr(name, '/')) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The %s name \"%s\" cannot contain '/'.", kind,
                        name);
        return -1;
    }
    if (strlen(name) > 100) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The %s name \"%.40s...\" is longer than 100 characters.", kind, name);
        return -1;
    }
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < 0x20) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID, "The %s name contains a control character.",
                            kind);
            return -1;
        }
    return 0;
}

/* ---- XML helpers ---- */
xmlNodePtr
hv_virt_x_child(xmlNodePtr n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0 &&
            (!c->ns || !c->ns->href || xmlStrcmp(c->ns->href, BAD_CAST HV_VIRT_NS) != 0))
            return c;
    return NULL;
}

xmlNodePtr
hv_virt_x_child_ns(xmlNodePtr n, const char *name)
{
    if (!n)
        return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0 && c->ns &&
            c->ns->href && xmlStrcmp(c->ns->href, BAD_CAST HV_VIRT_NS) == 0)
            return c;
    return NULL;
}

xmlNodePtr
hv_virt_x_ensure(xmlNodePtr n, const char *name)
{
    xmlNodePtr c = hv_virt_x_child(n, name);
    return c ? c : xmlNewChild(n, NULL, BAD_CAST name, NULL);
}

char *
hv_virt_x_prop(xmlNodePtr n, const char *name)
{
    if (!n)
        return NULL;
    xmlChar *p = xmlGetNoNsProp(n, BAD_CAST name);
    if (!p)
        return NULL;
    char *r = hv_virt_strdup((const char *)p);
    xmlFree(p);
    return r;
}

char *
hv_virt_x_text(xmlNodePtr n)
{
    if (!n)
        return NULL;
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return NULL;
    char *r = hv_virt_strdup((const char *)t);
    xmlFree(t);
    return r;
}

void
hv_virt_x_set_text(xmlNodePtr n, const char *text)
{
    xmlChar *enc = xmlEncodeSpecialChars(n->doc, BAD_CAST text);
    xmlNodeSetContent(n, enc);
    xmlFree(enc);
}

void
hv_virt_x_remove(xmlNodePtr n)
{
    if (!n)
        return;
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

xmlNodePtr
hv_virt_x_meta(xmlDocPtr doc, bool create)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr md = hv_virt_x_child(root, "metadata");
    if (!md) {
        if (!create)
            return NULL;
        md = xmlNewNode(NULL, BAD_CAST "metadata");
        /* libvirt wants <metadata> early; after <uuid>/<title>/<description> is fine */
        xmlNodePtr after = hv_virt_x_child(root, "description");
        if (!after)
            after = hv_virt_x_child(root, "title");
        if (!after)
            after = hv_virt_x_child(root, "uuid");
        if (!after)
            after = hv_virt_x_child(root, "name");
        if (after)
            xmlAddNextSibling(after, md);
        else
            xmlAddChild(root, md);
    }
    xmlNodePtr hv = hv_virt_x_child_ns(md, "hyperv");
    if (!hv && create) {
        hv = xmlNewChild(md, NULL, BAD_CAST "hyperv", NULL);
        xmlNsPtr ns = xmlNewNs(hv, BAD_CAST HV_VIRT_NS, BAD_CAST HV_VIRT_NS_PREFIX);
        xmlSetNs(hv, ns);
    }
    return hv;
}

xmlNodePtr
hv_virt_x_meta_child(xmlDocPtr doc, const char *name, bool create)
{
    xmlNodePtr hv = hv_virt_x_meta(doc, create);
    if (!hv)
        return NULL;
    xmlNodePtr c = hv_virt_x_child_ns(hv, name);
    if (!c && create)
        c = xmlNewChild(hv, hv->ns, BAD_CAST name, NULL);
    return c;
}

char *
hv_virt_x_dump(xmlNodePtr n)
{
    xmlBufferPtr b = xmlBufferCreate();
    xmlNodeDump(b, n->doc, n, 0, 0);
    char *r = hv_virt_strdup((const char *)xmlBufferContent(b));
    xmlBufferFree(b);
    return r;
}

uint64_t
hv_virt_x_mem_bytes(xmlNodePtr n)
{
    char *t = hv_virt_x_text(n);
    if (!t)
        return 0;
    unsigned long long v = strtoull(t, NULL, 10);
    free(t);
    char *u = hv_virt_x_prop(n, "unit");
    uint64_t mul = 1024; /* libvirt's default unit is KiB */
    if (u) {
        switch (tolower((unsigned char)u[0])) {
        case 'b':
            mul = 1;
            break;
        case 'k':
            mul = 1024;
            break;
        case 'm':
            mul = 1024ull * 1024;
            break;
        case 'g':
            mul = 1024ull * 1024 * 1024;
            break;
        case 't':
            mul = 1024ull * 1024 * 1024 * 1024;
            break;
        default:
            break;
        }
        if (strcasecmp(u, "KB") == 0)
            mul = 1000;
        else if (strcasecmp(u, "MB") == 0)
            mul = 1000000;
        else if (strcasecmp(u, "GB") == 0)
            mul = 1000000000ull;
        free(u);
    }
    return v * mul;
}

void
hv_virt_x_set_mem(xmlNodePtr n, uint64_t bytes)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)(bytes / 1024));
    xmlNodeSetContent(n, BAD_CAST buf);
    xmlSetProp(n, BAD_CAST "unit", BAD_CAST "KiB");
}
