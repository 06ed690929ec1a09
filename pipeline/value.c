/* value.c — hvsh values: allocation, refcounting, strings, buffers, arrays, hashtables,
 * objects, enums, boxed natives. See value.h for the ownership rule. */
#include "value.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"

/* ------------------------------------------------------------------ allocation */

static void
oom(void)
{
    fputs("hvsh: out of memory\n", stderr);
    abort();
}

void *
hv_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *
hv_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *
hv_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *
hv_xstrdup(const char *s)
{
    return hv_xstrndup(s, strlen(s));
}

char *
hv_xstrndup(const char *s, size_t n)
{
    char *p = hv_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *
hv_xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        oom();
    return s;
}

/* ------------------------------------------------------------------ payload structs */

enum { STR_HASHED = 1 };

typedef struct {
    hv_heap h;
    uint32_t hash; /* case-insensitive; valid when h.flags & STR_HASHED */
    size_t len, cap;
    char data[];
} hv_strp;

typedef struct {
    hv_heap h;
    size_t len, cap;
    hv_value *items;
} hv_arrp;

typedef struct {
    hv_value key, val;
    uint32_t hash;
    bool dead;
} tentry;

typedef struct {
    hv_heap h;
    unsigned tflags;
    size_t count;  /* live entries */
    size_t nent;   /* used entry slots (live + dead) */
    size_t entcap;
    tentry *ent;
    int32_t *idx;  /* open addressing: index into ent, -1 = empty */
    size_t idxcap; /* power of two */
    hv_value notes; /* Add-Member NoteProperties (a PSCustomObject) or null: pwsh keeps them
                     * on the PSObject wrapper, not among the keys */
} hv_tabp;

typedef struct {
    char *name;
    uint32_t hash;
    hv_value val;
} oprop;

typedef struct {
    hv_heap h;
    const hv_obj_class *cls;
    size_t count, cap;
    oprop *props;
    char **tnames; /* extra PSTypeNames inserted in front */
    size_t ntnames;
    void *native;
} hv_objp;

typedef struct {
    hv_heap h;
    const hv_boxed_class *cls;
    void *p;
} hv_boxp;

static void (*scriptblock_free)(hv_heap *);

void
hv_value_set_scriptblock_free(void (*fn)(hv_heap *))
{
    scriptblock_free = fn;
}

static void *
heap_new(size_t size, hv_kind kind)
{
    hv_heap *h = hv_xcalloc(1, size);
    h->refcount = 1;
    h->kind = (uint8_t)kind;
    return h;
}

static hv_value
heap_value(hv_kind kind, void *h)
{
    return (hv_value){.kind = (uint8_t)kind, .u.h = h};
}

hv_value
hv_scriptblock_wrap(hv_heap *h)
{
    return heap_value(HV_SCRIPTBLOCK, h);
}

/* ------------------------------------------------------------------ refcounting */

hv_value
hv_ref(const hv_value *v)
{
    if (hv_is_heap(v) && v->u.h)
        v->u.h->refcount++;
    return *v;
}

static void free_heap(hv_kind kind, hv_heap *h);

void
hv_unref(hv_value v)
{
    if (!hv_is_heap(&v) || !v.u.h)
        return;
    assert(v.u.h->refcount > 0);
    if (--v.u.h->refcount == 0)
        free_heap((hv_kind)v.kind, v.u.h);
}

uint32_t
hv_value_refcount(const hv_value *v)
{
    return hv_is_heap(v) && v->u.h ? v->u.h->refcount : 1;
}

static void
free_array(hv_arrp *a)
{
    for (size_t i = 0; i < a->len; i++)
        hv_unref(a->items[i]);
    free(a->items);
    free(a);
}

static void
free_table(hv_tabp *t)
{
    for (size_t i = 0; i < t->nent; i++) {
        if (!t->ent[i].dead) {
            hv_unref(t->ent[i].key);
            hv_unref(t->ent[i].val);
        }
    }
    free(t->ent);
    free(t->idx);
    hv_unref(t->notes);
    free(t);
}

static void
free_obj(hv_objp *o)
{
    for (size_t i = 0; i < o->count; i++) {
        free(o->props[i].name);
        hv_unref(o->props[i].val);
    }
    free(o->props);
    for (size_t i = 0; i < o->ntnames; i++)
        free(o->tnames[i]);
    free(o->tnames);
    if (o->native && o->cls && o->cls->finalize)
        o->cls->finalize(o->native);
    free(o);
}

static void
free_heap(hv_kind kind, hv_heap *h)
{
    switch (kind) {
    case HV_ARRAY:
        free_array((hv_arrp *)h);
        break;
    case HV_TABLE:
        free_table((hv_tabp *)h);
        break;
    case HV_OBJECT:
        free_obj((hv_objp *)h);
        break;
    case HV_BOXED: {
        hv_boxp *b = (hv_boxp *)h;
        if (b->cls && b->cls->free)
            b->cls->free(b->p);
        free(b);
        break;
    }
    case HV_SCRIPTBLOCK:
        if (scriptblock_free)
            scriptblock_free(h);
        else
            free(h);
        break;
    default:
        free(h);
        break;
    }
}

/* ------------------------------------------------------------------ immediates */

hv_value
hv_enum(const hv_enum_def *def, int32_t v)
{
    return (hv_value){.kind = HV_ENUM, .aux = v, .u.e = def};
}

int64_t
hv_int_of(const hv_value *v)
{
    if (v->sub == HV_N_UINT64 && v->u.u > (uint64_t)INT64_MAX)
        return INT64_MAX;
    return v->u.i;
}

/* ------------------------------------------------------------------ UTF-8 and case */

uint32_t
hv_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t rem = len - *i;
    uint32_t c = p[0];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (n == 0 || (size_t)n >= rem + 0 || (size_t)n + 1 > rem) {
        (*i)++;
        return c;
    }
    uint32_t cp = c & (0x3F >> n);
    for (int k = 1; k <= n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            (*i)++;
            return c;
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    *i += (size_t)n + 1;
    return cp;
}

size_t
hv_utf8_put(char *out, uint32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t
hv_utf16_len(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            n++;
            continue;
        }
        uint32_t cp = hv_utf8_next(s, len, &i);
        n += cp >= 0x10000 ? 2 : 1;
    }
    return n;
}

uint32_t
hv_uc_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c + 1 : c;
        if (c == 0x130)
            return 'i';
        if (c == 0x178)
            return 0xFF;
        return (c & 1) ? c : c + 1;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    if (c >= 0xFF21 && c <= 0xFF3A)
        return c + 32;
    return c;
}

uint32_t
hv_uc_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c & 1) ? c : c - 1;
        if (c == 0x131)
            return 'I';
        return (c & 1) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2)
        return c - 32;
    if (c == 0x3C2)
        return 0x3A3;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    if (c >= 0xFF41 && c <= 0xFF5A)
        return c - 32;
    return c;
}

/* FNV-1a over case-folded code points; ASCII takes the fast path. */
uint32_t
hv_hash_ci(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80) {
            cp = c >= 'A' && c <= 'Z' ? c + 32u : c;
            i++;
        } else {
            cp = hv_uc_lower(hv_utf8_next(s, len, &i));
        }
        h = (h ^ (cp & 0xFF)) * 16777619u;
        if (cp > 0xFF)
            h = (h ^ (cp >> 8)) * 16777619u;
    }
    return h;
}

int
hv_strn_cmp_ci(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[j];
        uint32_t x, y;
        if (ca < 0x80 && cb < 0x80) {
            x = ca >= 'A' && ca <= 'Z' ? ca + 32u : ca;
            y = cb >= 'A' && cb <= 'Z' ? cb + 32u : cb;
            i++;
            j++;
        } else {
            x = hv_uc_lower(hv_utf8_next(a, alen, &i));
            y = hv_uc_lower(hv_utf8_next(b, blen, &j));
        }
        if (x != y)
            return x < y ? -1 : 1;
    }
    if (i < alen)
        return 1;
    if (j < blen)
        return -1;
    return 0;
}

bool
hv_strn_eq_ci(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return true;
    return hv_strn_cmp_ci(a, alen, b, blen) == 0;
}

bool
hv_str_eq_ci(const char *a, const char *b)
{
    return hv_strn_eq_ci(a, strlen(a), b, strlen(b));
}

int
hv_str_cmp_ci(const char *a, const char *b)
{
    return hv_strn_cmp_ci(a, strlen(a), b, strlen(b));
}

/* ------------------------------------------------------------------ strings */

static hv_strp *
str_alloc(size_t len, size_t cap)
{
    hv_strp *s = hv_xmalloc(sizeof(hv_strp) + cap + 1);
    s->h.refcount = 1;
    s->h.kind = HV_STRING;
    s->h.flags = 0;
    s->h.reserved = 0;
    s->hash = 0;
    s->len = len;
    s->cap = cap;
    return s;
}

hv_value
hv_strn(const char *p, size_t n)
{
    hv_strp *s = str_alloc(n, n);
    if (n)
        memcpy(s->data, p, n);
    s->data[n] = 0;
    return heap_value(HV_STRING, s);
}

hv_value
hv_str(const char *s)
{
    return hv_strn(s ? s : "", s ? strlen(s) : 0);
}

hv_value
hv_str_take(char *p)
{
    hv_value v = hv_str(p);
    free(p);
    return v;
}

hv_value
hv_strf(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        oom();
    hv_value v = hv_strn(s, (size_t)n);
    free(s);
    return v;
}

hv_value
hv_str_empty(void)
{
    return hv_strn("", 0);
}

const char *
hv_str_cstr(const hv_value *s)
{
    assert(s->kind == HV_STRING);
    return ((const hv_strp *)s->u.h)->data;
}

size_t
hv_str_len(const hv_value *s)
{
    assert(s->kind == HV_STRING);
    return ((const hv_strp *)s->u.h)->len;
}

uint32_t
hv_str_hash_ci(const hv_value *v)
{
    hv_strp *s = (hv_strp *)v->u.h;
    if (!(s->h.flags & STR_HASHED)) {
        s->hash = hv_hash_ci(s->data, s->len);
        s->h.flags |= STR_HASHED;
    }
    return s->hash;
}

hv_value
hv_str_concat(hv_value a, const char *p, size_t n)
{
    assert(a.kind == HV_STRING);
    hv_strp *s = (hv_strp *)a.u.h;
    if (s->h.refcount != 1) {
        hv_strp *t = str_alloc(s->len + n, (s->len + n) * 2);
        memcpy(t->data, s->data, s->len);
        memcpy(t->data + s->len, p, n);
        t->data[t->len] = 0;
        hv_unref(a);
        return heap_value(HV_STRING, t);
    }
    if (s->len + n > s->cap) {
        size_t cap = (s->len + n) * 2;
        /* p may point into s itself ($s += $s): keep the offset valid across realloc */
        bool inside = p >= s->data && p < s->data + s->len;
        size_t off = inside ? (size_t)(p - s->data) : 0;
        s = hv_xrealloc(s, sizeof(hv_strp) + cap + 1);
        s->cap = cap;
        if (inside)
            p = s->data + off;
    }
    memmove(s->data + s->len, p, n);
    s->len += n;
    s->data[s->len] = 0;
    s->h.flags &= (uint8_t)~STR_HASHED;
    return heap_value(HV_STRING, s);
}

/* ------------------------------------------------------------------ buffers */

static void
buf_reserve(hv_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = hv_xrealloc(b->data, cap);
    b->cap = cap;
}

void
hv_buf_put(hv_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void
hv_buf_puts(hv_buf *b, const char *s)
{
    hv_buf_put(b, s, strlen(s));
}

void
hv_buf_putc(hv_buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void
hv_buf_printf(hv_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return;
    }
    if ((size_t)n < sizeof tmp) {
        hv_buf_put(b, tmp, (size_t)n);
    } else {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

hv_value
hv_buf_finish(hv_buf *b)
{
    hv_value v = hv_strn(b->data ? b->data : "", b->len);
    hv_buf_free(b);
    return v;
}

void
hv_buf_free(hv_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------------ arrays */

static hv_arrp *
arr(const hv_value *a)
{
    assert(a->kind == HV_ARRAY);
    return (hv_arrp *)a->u.h;
}

hv_value
hv_array_new(size_t cap)
{
    hv_arrp *a = heap_new(sizeof *a, HV_ARRAY);
    a->cap = cap;
    a->items = cap ? hv_xmalloc(cap * sizeof(hv_value)) : NULL;
    return heap_value(HV_ARRAY, a);
}

size_t
hv_array_len(const hv_value *a)
{
    return arr(a)->len;
}

const hv_value *
hv_array_at(const hv_value *a, size_t i)
{
    assert(i < arr(a)->len);
    return &arr(a)->items[i];
}

hv_value *
hv_array_items(const hv_value *a)
{
    return arr(a)->items;
}

static void
arr_grow(hv_arrp *a, size_t need)
{
    if (need <= a->cap)
        return;
    size_t cap = a->cap ? a->cap * 2 : 4;
    if (cap < need)
        cap = need;
    a->items = hv_xrealloc(a->items, cap * sizeof(hv_value));
    a->cap = cap;
}

void
hv_array_push(hv_value *av, hv_value v)
{
    hv_arrp *a = arr(av);
    arr_grow(a, a->len + 1);
    a->items[a->len++] = v;
}

void
hv_array_set(hv_value *av, size_t i, hv_value v)
{
    hv_arrp *a = arr(av);
    assert(i < a->len);
    hv_value old = a->items[i];
    a->items[i] = v;
    hv_unref(old);
}

void
hv_array_truncate(hv_value *av, size_t len)
{
    hv_arrp *a = arr(av);
    while (a->len > len)
        hv_unref(a->items[--a->len]);
}

void
hv_array_insert(hv_value *av, size_t i, hv_value v)
{
    hv_arrp *a = arr(av);
    if (i > a->len)
        i = a->len;
    arr_grow(a, a->len + 1);
    memmove(a->items + i + 1, a->items + i, (a->len - i) * sizeof(hv_value));
    a->items[i] = v;
    a->len++;
}

void
hv_array_remove_at(hv_value *av, size_t i)
{
    hv_arrp *a = arr(av);
    if (i >= a->len)
        return;
    hv_value old = a->items[i];
    memmove(a->items + i, a->items + i + 1, (a->len - i - 1) * sizeof(hv_value));
    a->len--;
    hv_unref(old);
}

hv_value
hv_array_clone(const hv_value *av)
{
    hv_arrp *a = arr(av);
    hv_value r = hv_array_new(a->len);
    for (size_t i = 0; i < a->len; i++)
        hv_array_push(&r, hv_ref(&a->items[i]));
    return r;
}

hv_value
hv_array_concat(hv_value a, const hv_value *x)
{
    hv_arrp *p = arr(&a);
    if (p->h.refcount != 1 || a.sub != 0) {
        hv_value c = hv_array_clone(&a);
        hv_unref(a);
        a = c;
    }
    arr(&a)->h.reserved = 0; /* a concatenation is object[], not the typed T[] (convert.c) */
    if (x->kind == HV_ARRAY) {
        size_t n = hv_array_len(x);
        /* x may be a itself ($a += $a): read the count first, elements stay valid on growth */
        arr_grow(arr(&a), arr(&a)->len + n);
        for (size_t i = 0; i < n; i++)
            hv_array_push(&a, hv_ref(&hv_array_items(x)[i]));
    } else {
        hv_array_push(&a, hv_ref(x));
    }
    return a;
}

/* ------------------------------------------------------------------ hashtables */

static hv_tabp *
tab(const hv_value *t)
{
    assert(t->kind == HV_TABLE);
    return (hv_tabp *)t->u.h;
}

static uint32_t
mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

static uint32_t
cs_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Keys: strings hash case-folded (or exactly for case-sensitive tables); numbers hash by
 * numeric value so 1, 1L and 1.0 are one key; other payloads by identity. */
static uint32_t
key_hash(const hv_tabp *t, const hv_value *k)
{
    switch (k->kind) {
    case HV_STRING:
        if (t->tflags & HV_TABLE_CASE_SENSITIVE)
            return cs_hash(hv_str_cstr(k), hv_str_len(k));
        return hv_str_hash_ci(k);
    case HV_INT:
        return mix64((uint64_t)k->u.i);
    case HV_DOUBLE: {
        double d = k->u.d;
        if (d == (double)(int64_t)d && d > -9.2e18 && d < 9.2e18)
            return mix64((uint64_t)(int64_t)d);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix64(bits);
    }
    case HV_BOOL:
        return mix64(0x1000u + k->u.b);
    case HV_ENUM:
        return mix64((uint64_t)(int64_t)k->aux ^ 0x5555);
    case HV_NULL:
        return 0x9e3779b9u;
    default:
        return mix64((uint64_t)k->u.u ^ ((uint64_t)k->kind << 56));
    }
}

static bool
key_eq(const hv_tabp *t, const hv_value *a, const hv_value *b)
{
    if (a->kind == HV_STRING && b->kind == HV_STRING) {
        size_t al = hv_str_len(a), bl = hv_str_len(b);
        if (t->tflags & HV_TABLE_CASE_SENSITIVE)
            return al == bl && memcmp(hv_str_cstr(a), hv_str_cstr(b), al) == 0;
        return hv_strn_eq_ci(hv_str_cstr(a), al, hv_str_cstr(b), bl);
    }
    if (hv_is_number(a) && hv_is_number(b)) {
        if (a->kind == HV_INT && b->kind == HV_INT)
            return a->u.i == b->u.i;
        double x = a->kind == HV_INT ? (double)a->u.i : a->u.d;
        double y = b->kind == HV_INT ? (double)b->u.i : b->u.d;
        return x == y;
    }
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case HV_NULL:
        return true;
    case HV_BOOL:
        return a->u.b == b->u.b;
    case HV_ENUM:
        return a->aux == b->aux && a->u.e == b->u.e;
    default:
        return a->u.u == b->u.u;
    }
}

hv_value
hv_table_new(unsigned flags)
{
    hv_tabp *t = heap_new(sizeof *t, HV_TABLE);
    t->tflags = flags;
    return heap_value(HV_TABLE, t);
}

const hv_value *
hv_table_notes(const hv_value *t)
{
    const hv_tabp *p = tab(t);
    return p->notes.kind == HV_OBJECT ? &p->notes : NULL;
}

void
hv_table_set_note(hv_value *t, const char *name, hv_value v)
{
    hv_tabp *p = tab(t);
    if (p->notes.kind != HV_OBJECT)
        p->notes = hv_obj_new(NULL);
    hv_obj_set(&p->notes, name, v);
}

unsigned
hv_table_flags(const hv_value *t)
{
    return tab(t)->tflags;
}

size_t
hv_table_count(const hv_value *t)
{
    return tab(t)->count;
}

/* Rebuild the index (and compact dead entries) with room for `need` entries. */
static void
tab_rehash(hv_tabp *t, size_t need)
{
    size_t w = 0;
    for (size_t i = 0; i < t->nent; i++)
        if (!t->ent[i].dead)
            t->ent[w++] = t->ent[i];
    t->nent = w;
    size_t entcap = t->entcap ? t->entcap : 8;
    while (entcap < need)
        entcap *= 2;
    if (entcap != t->entcap) {
        t->ent = hv_xrealloc(t->ent, entcap * sizeof(tentry));
        t->entcap = entcap;
    }
    size_t idxcap = 16;
    while (idxcap < entcap * 2)
        idxcap *= 2;
    free(t->idx);
    t->idx = hv_xmalloc(idxcap * sizeof(int32_t));
    memset(t->idx, 0xff, idxcap * sizeof(int32_t));
    t->idxcap = idxcap;
    for (size_t i = 0; i < t->nent; i++) {
        size_t j = t->ent[i].hash & (idxcap - 1);
        while (t->idx[j] >= 0)
            j = (j + 1) & (idxcap - 1);
        t->idx[j] = (int32_t)i;
    }
}

/* Returns the entry index of key, or -1; *slot receives the empty index slot found. */
static long
tab_find(const hv_tabp *t, const hv_value *k, uint32_t h, size_t *slot)
{
    if (!t->idxcap) {
        if (slot)
            *slot = (size_t)-1;
        return -1;
    }
    size_t mask = t->idxcap - 1;
    for (size_t j = h & mask;; j = (j + 1) & mask) {
        int32_t e = t->idx[j];
        if (e < 0) {
            if (slot)
                *slot = j;
            return -1;
        }
        const tentry *en = &t->ent[e];
        if (!en->dead && en->hash == h && key_eq(t, &en->key, k))
            return e;
    }
}

const hv_value *
hv_table_get(const hv_value *tv, const hv_value *key)
{
    hv_tabp *t = tab(tv);
    long e = tab_find(t, key, key_hash(t, key), NULL);
    return e < 0 ? NULL : &t->ent[e].val;
}

const hv_value *
hv_table_gets(const hv_value *tv, const char *key)
{
    hv_tabp *t = tab(tv);
    if (!t->idxcap)
        return NULL;
    size_t len = strlen(key);
    bool cs = t->tflags & HV_TABLE_CASE_SENSITIVE;
    uint32_t h = cs ? cs_hash(key, len) : hv_hash_ci(key, len);
    size_t mask = t->idxcap - 1;
    for (size_t j = h & mask;; j = (j + 1) & mask) {
        int32_t e = t->idx[j];
        if (e < 0)
            return NULL;
        const tentry *en = &t->ent[e];
        if (en->dead || en->hash != h || en->key.kind != HV_STRING)
            continue;
        const char *ks = hv_str_cstr(&en->key);
        size_t kl = hv_str_len(&en->key);
        if (cs ? (kl == len && memcmp(ks, key, len) == 0) : hv_strn_eq_ci(ks, kl, key, len))
            return &en->val;
    }
}

static void
tab_insert(hv_tabp *t, hv_value key, hv_value v, uint32_t h)
{
    if (t->nent + 1 > t->entcap)
        tab_rehash(t, t->count + 1);
    size_t slot;
    long e = tab_find(t, &key, h, &slot);
    assert(e < 0);
    (void)e;
    t->ent[t->nent] = (tentry){.key = key, .val = v, .hash = h, .dead = false};
    t->idx[slot] = (int32_t)t->nent;
    t->nent++;
    t->count++;
}

void
hv_table_set(hv_value *tv, hv_value key, hv_value v)
{
    hv_tabp *t = tab(tv);
    uint32_t h = key_hash(t, &key);
    long e = tab_find(t, &key, h, NULL);
    if (e >= 0) {
        hv_value old = t->ent[e].val;
        t->ent[e].val = v;
        hv_unref(old);
        hv_unref(key);
        return;
    }
    tab_insert(t, key, v, h);
}

void
hv_table_sets(hv_value *t, const char *key, hv_value v)
{
    hv_table_set(t, hv_str(key), v);
}

bool
hv_table_add(hv_value *tv, hv_value key, hv_value v)
{
    hv_tabp *t = tab(tv);
    uint32_t h = key_hash(t, &key);
    if (tab_find(t, &key, h, NULL) >= 0) {
        hv_unref(key);
        hv_unref(v);
        return false;
    }
    tab_insert(t, key, v, h);
    return true;
}

bool
hv_table_remove(hv_value *tv, const hv_value *key)
{
    hv_tabp *t = tab(tv);
    long e = tab_find(t, key, key_hash(t, key), NULL);
    if (e < 0)
        return false;
    tentry *en = &t->ent[e];
    hv_value k = en->key, v = en->val;
    en->dead = true; /* the index slot stays as a tombstone until the next rehash */
    en->key = en->val = hv_null();
    t->count--;
    hv_unref(k);
    hv_unref(v);
    if (t->count == 0 || (t->nent > 16 && t->count < t->nent / 2))
        tab_rehash(t, t->count);
    return true;
}

void
hv_table_clear(hv_value *tv)
{
    hv_tabp *t = tab(tv);
    for (size_t i = 0; i < t->nent; i++) {
        if (!t->ent[i].dead) {
            hv_unref(t->ent[i].key);
            hv_unref(t->ent[i].val);
        }
    }
    t->nent = t->count = 0;
    if (t->idx)
        memset(t->idx, 0xff, t->idxcap * sizeof(int32_t));
}

bool
hv_table_next(const hv_value *tv, size_t *iter, const hv_value **key, const hv_value **val)
{
    hv_tabp *t = tab(tv);
    while (*iter < t->nent) {
        tentry *en = &t->ent[(*iter)++];
        if (en->dead)
            continue;
        if (key)
            *key = &en->key;
        if (val)
            *val = &en->val;
        return true;
    }
    return false;
}

hv_value
hv_table_clone(const hv_value *tv)
{
    hv_value r = hv_table_new(hv_table_flags(tv));
    const hv_value *k, *v;
    for (size_t i = 0; hv_table_next(tv, &i, &k, &v);)
        hv_table_set(&r, hv_ref(k), hv_ref(v));
    return r;
}

/* ------------------------------------------------------------------ objects */

static hv_objp *
obj(const hv_value *o)
{
    assert(o->kind == HV_OBJECT);
    return (hv_objp *)o->u.h;
}

hv_value
hv_obj_new(const hv_obj_class *cls)
{
    hv_objp *o = heap_new(sizeof *o, HV_OBJECT);
    o->cls = cls;
    return heap_value(HV_OBJECT, o);
}

const hv_obj_class *
hv_obj_class_of(const hv_value *o)
{
    return obj(o)->cls;
}

size_t
hv_obj_count(const hv_value *o)
{
    return obj(o)->count;
}

const char *
hv_obj_name_at(const hv_value *o, size_t i)
{
    assert(i < obj(o)->count);
    return obj(o)->props[i].name;
}

const hv_value *
hv_obj_value_at(const hv_value *o, size_t i)
{
    assert(i < obj(o)->count);
    return &obj(o)->props[i].val;
}

static long
obj_find(const hv_objp *o, const char *name, size_t len, uint32_t h)
{
    for (size_t i = 0; i < o->count; i++) {
        const oprop *p = &o->props[i];
        if (p->hash == h && hv_strn_eq_ci(p->name, strlen(p->name), name, len))
            return (long)i;
    }
    return -1;
}

const hv_value *
hv_obj_get(const hv_value *ov, const char *name)
{
    hv_objp *o = obj(ov);
    size_t len = strlen(name);
    long i = obj_find(o, name, len, hv_hash_ci(name, len));
    return i < 0 ? NULL : &o->props[i].val;
}

void
hv_obj_set(hv_value *ov, const char *name, hv_value v)
{
    hv_objp *o = obj(ov);
    size_t len = strlen(name);
    uint32_t h = hv_hash_ci(name, len);
    long i = obj_find(o, name, len, h);
    if (i >= 0) {
        hv_value old = o->props[i].val;
        o->props[i].val = v;
        hv_unref(old);
        return;
    }
    if (o->count == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 8;
        o->props = hv_xrealloc(o->props, o->cap * sizeof(oprop));
    }
    o->props[o->count++] = (oprop){.name = hv_xstrndup(name, len), .hash = h, .val = v};
}

bool
hv_obj_remove(hv_value *ov, const char *name)
{
    hv_objp *o = obj(ov);
    size_t len = strlen(name);
    long i = obj_find(o, name, len, hv_hash_ci(name, len));
    if (i < 0)
        return false;
    free(o->props[i].name);
    hv_value old = o->props[i].val;
    memmove(o->props + i, o->props + i + 1, (o->count - (size_t)i - 1) * sizeof(oprop));
    o->count--;
    hv_unref(old);
    return true;
}

void
hv_obj_add_typename(hv_value *ov, const char *name)
{
    hv_objp *o = obj(ov);
    o->tnames = hv_xrealloc(o->tnames, (o->ntnames + 1) * sizeof(char *));
    memmove(o->tnames + 1, o->tnames, o->ntnames * sizeof(char *));
    o->tnames[0] = hv_xstrdup(name);
    o->ntnames++;
}

static const char *const pscustom_names[] = {"System.Management.Automation.PSCustomObject",
                                             "System.Object", NULL};

/* The class's own names: type_name, base_types..., then System.Object if missing. */
static size_t
class_names(const hv_objp *o, const char **out, size_t max)
{
    size_t n = 0;
    if (!o->cls || !o->cls->type_name) {
        for (; pscustom_names[n] && n < max; n++)
            out[n] = pscustom_names[n];
        return n;
    }
    out[n++] = o->cls->type_name;
    bool has_obj = strcmp(o->cls->type_name, "System.Object") == 0;
    for (size_t i = 0; o->cls->base_types && o->cls->base_types[i] && n < max - 1; i++) {
        out[n++] = o->cls->base_types[i];
        if (strcmp(o->cls->base_types[i], "System.Object") == 0)
            has_obj = true;
    }
    if (!has_obj)
        out[n++] = "System.Object";
    return n;
}

size_t
hv_obj_typename_count(const hv_value *ov)
{
    const char *names[32];
    return obj(ov)->ntnames + class_names(obj(ov), names, 32);
}

const char *
hv_obj_typename_at(const hv_value *ov, size_t i)
{
    hv_objp *o = obj(ov);
    if (i < o->ntnames)
        return o->tnames[i];
    const char *names[32];
    size_t n = class_names(o, names, 32);
    i -= o->ntnames;
    return i < n ? names[i] : NULL;
}

void
hv_obj_set_native(hv_value *ov, void *native)
{
    obj(ov)->native = native;
}

void *
hv_obj_native(const hv_value *ov)
{
    return obj(ov)->native;
}

hv_value
hv_obj_clone(const hv_value *ov)
{
    hv_objp *o = obj(ov);
    hv_value r = hv_obj_new(o->cls);
    for (size_t i = 0; i < o->count; i++)
        hv_obj_set(&r, o->props[i].name, hv_ref(&o->props[i].val));
    for (size_t i = o->ntnames; i-- > 0;)
        hv_obj_add_typename(&r, o->tnames[i]);
    /* the native handle is not duplicated: the copy has no finalizer ownership */
    return r;
}

/* ------------------------------------------------------------------ enums */

const char *
hv_enum_name(const hv_value *v)
{
    const hv_enum_def *d = v->u.e;
    if (!d)
        return NULL;
    for (int i = 0; i < d->count; i++)
        if (d->values[i] == v->aux)
            return d->names[i];
    return NULL;
}

static bool
enum_one(const hv_enum_def *def, const char *s, size_t len, int32_t *out)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (!len)
        return false;
    for (int i = 0; i < def->count; i++) {
        if (hv_strn_eq_ci(def->names[i], strlen(def->names[i]), s, len)) {
            *out = def->values[i];
            return true;
        }
    }
    char tmp[32];
    if (len >= sizeof tmp)
        return false;
    memcpy(tmp, s, len);
    tmp[len] = 0;
    char *end;
    long n = strtol(tmp, &end, 0);
    if (*end || end == tmp)
        return false;
    *out = (int32_t)n;
    return true;
}

bool
hv_enum_parse(const hv_enum_def *def, const char *s, int32_t *out)
{
    if (!strchr(s, ','))
        return enum_one(def, s, strlen(s), out);
    /* "A, B" is accepted for every enum by .NET, OR-ing the parts */
    int32_t acc = 0;
    for (const char *p = s;;) {
        const char *c = strchr(p, ',');
        size_t len = c ? (size_t)(c - p) : strlen(p);
        int32_t one;
        if (!enum_one(def, p, len, &one))
            return false;
        acc |= one;
        if (!c)
            break;
        p = c + 1;
    }
    *out = acc;
    return true;
}

/* ------------------------------------------------------------------ boxed */

hv_value
hv_boxed_new(const hv_boxed_class *cls, void *p)
{
    hv_boxp *b = heap_new(sizeof *b, HV_BOXED);
    b->cls = cls;
    b->p = p;
    return heap_value(HV_BOXED, b);
}

const hv_boxed_class *
hv_boxed_class_of(const hv_value *v)
{
    assert(v->kind == HV_BOXED);
    return ((const hv_boxp *)v->u.h)->cls;
}

void *
hv_boxed_ptr(const hv_value *v)
{
    assert(v->kind == HV_BOXED);
    return ((const hv_boxp *)v->u.h)->p;
}

/* ------------------------------------------------------------------ generic */

const char *
hv_kind_name(hv_kind k)
{
    static const char *const names[HV__KIND_COUNT] = {
        [HV_NULL] = "null",         [HV_BOOL] = "bool",     [HV_INT] = "int",
        [HV_DOUBLE] = "double",     [HV_CHAR] = "char",     [HV_DATETIME] = "datetime",
        [HV_TIMESPAN] = "timespan", [HV_ENUM] = "enum",     [HV_STRING] = "string",
        [HV_ARRAY] = "array",       [HV_TABLE] = "hashtable", [HV_OBJECT] = "object",
        [HV_SCRIPTBLOCK] = "scriptblock", [HV_TYPE] = "type", [HV_BOXED] = "boxed",
    };
    return (unsigned)k < HV__KIND_COUNT ? names[k] : "?";
}

static const char *
numkind_name(unsigned sub)
{
    static const char *const names[] = {
        [HV_N_INT32] = "System.Int32",   [HV_N_INT64] = "System.Int64",
        [HV_N_BYTE] = "System.Byte",     [HV_N_SBYTE] = "System.SByte",
        [HV_N_INT16] = "System.Int16",   [HV_N_UINT16] = "System.UInt16",
        [HV_N_UINT32] = "System.UInt32", [HV_N_UINT64] = "System.UInt64",
        [HV_N_BIGINT] = "System.Numerics.BigInteger",
        [HV_N_DOUBLE] = "System.Double", [HV_N_FLOAT] = "System.Single",
        [HV_N_DECIMAL] = "System.Decimal",
    };
    return sub < sizeof names / sizeof names[0] ? names[sub] : "System.Int32";
}

const char *
hv_type_name_of(const hv_value *v)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL:
        return "null";
    case HV_BOOL:
        return "System.Boolean";
    case HV_INT:
    case HV_DOUBLE:
        return numkind_name(v->sub);
    case HV_CHAR:
        return "System.Char";
    case HV_DATETIME:
        return "System.DateTime";
    case HV_TIMESPAN:
        return "System.TimeSpan";
    case HV_ENUM:
        return v->u.e ? v->u.e->type_name : "System.Enum";
    case HV_STRING:
        return "System.String";
    case HV_ARRAY:
        /* sub 1 = HV_TA_LIST (convert.h): an ArrayList; 2 = a generic List[T]; 3..7 Queue,
         * Queue[T], Stack, Stack[T], HashSet[T] */
        return v->sub == 1   ? "System.Collections.ArrayList"
               : v->sub == 2 ? "System.Collections.Generic.List`1"
               : v->sub == 3 ? "System.Collections.Queue"
               : v->sub == 4 ? "System.Collections.Generic.Queue`1"
               : v->sub == 5 ? "System.Collections.Stack"
               : v->sub == 6 ? "System.Collections.Generic.Stack`1"
               : v->sub == 7 || v->sub == 8 ? "System.Collections.Generic.HashSet`1"
                             : "System.Object[]";
    case HV_TABLE:
        return hv_table_flags(v) & HV_TABLE_ORDERED
                   ? "System.Collections.Specialized.OrderedDictionary"
               : hv_table_flags(v) & HV_TABLE_ORDERED_HT
                   ? "System.Management.Automation.OrderedHashtable"
                   : "System.Collections.Hashtable";
    case HV_OBJECT: {
        const hv_obj_class *c = hv_obj_class_of(v);
        return c && c->type_name ? c->type_name : "System.Management.Automation.PSCustomObject";
    }
    case HV_SCRIPTBLOCK:
        return "System.Management.Automation.ScriptBlock";
    case HV_TYPE:
        return "System.RuntimeType";
    case HV_BOXED: {
        const hv_boxed_class *c = hv_boxed_class_of(v);
        return c && c->type_name ? c->type_name : "System.Object";
    }
    case HV__KIND_COUNT:
        break;
    }
    return "System.Object";
}

bool
hv_equals_ci(const hv_value *a, const hv_value *b)
{
    return hv_op_equal(a, b, 0);
}
