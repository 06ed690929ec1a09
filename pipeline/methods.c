/* methods.c — the .NET member surface (see methods.h). Each family is a small dispatcher on
 * the member name; arguments are converted as pwsh's method binder would (strings to numbers,
 * numbers to strings), and .NET exceptions become pwsh's 'Exception calling "X" with "N"
 * argument(s): "..."' text. Indexes are UTF-16 code units, as in .NET. */
#include "methods.h"
#include "errors.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "ops.h"

/* ------------------------------------------------------------------ call plumbing */

typedef struct {
    const char *name;     /* member name as written */
    const hv_value *a;    /* arguments */
    size_t n;
    hv_value *out;
    hv_conv_err *err;
} call;

#define IS(s) hv_str_eq_ci(c->name, s)

static bool is_culture(const hv_value *v);

static int
throwf(call *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An exception thrown by the method: pwsh wraps it with the call's name and arity. */
static int
throwf(call *c, const char *fmt, ...)
{
    char inner[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(inner, sizeof inner, fmt, ap);
    va_end(ap);
    if (c->err)
        snprintf(c->err->msg, sizeof c->err->msg,
                 "Exception calling \"%s\" with \"%zu\" argument(s): \"%s\"", c->name, c->n, inner);
    return -1;
}

static int
no_overload(call *c)
{
    if (c->err)
        snprintf(c->err->msg, sizeof c->err->msg,
                 "Cannot find an overload for \"%s\" and the argument count: \"%zu\".", c->name,
                 c->n);
    return -1;
}

bool
hv_methods_is_overload_error(const hv_conv_err *err)
{
    return strncmp(err->msg, "Cannot find an overload", 23) == 0 ||
           strncmp(err->msg, "Cannot convert argument", 23) == 0;
}

static int
ret(call *c, hv_value v)
{
    *c->out = v;
    return 1;
}

/* Argument conversion failures read as pwsh's binder reports them. */
static int
arg_fail(call *c, size_t i, const char *type, const hv_conv_err *e)
{
    hv_value s = hv_conv_to_string(&c->a[i], NULL);
    if (c->err)
        snprintf(c->err->msg, sizeof c->err->msg,
                 "Cannot convert argument \"arg%zu\", with value: \"%.60s\", for \"%s\" to type "
                 "\"%s\": \"%.250s\"",
                 i, hv_str_cstr(&s), c->name, type, e->msg);
    hv_unref(s);
    return -1;
}

static hv_value
a_str(call *c, size_t i)
{
    if (c->a[i].kind == HV_NULL)
        return hv_str_empty();
    return hv_conv_to_string(&c->a[i], NULL);
}

static bool
a_int(call *c, size_t i, int64_t *v)
{
    hv_conv_err e;
    if (hv_conv_to_int64(&c->a[i], v, &e))
        return true;
    arg_fail(c, i, "System.Int32", &e);
    return false;
}

static bool
a_dbl(call *c, size_t i, double *v)
{
    hv_conv_err e;
    if (hv_conv_to_double(&c->a[i], v, &e))
        return true;
    arg_fail(c, i, "System.Double", &e);
    return false;
}

/* StringComparison / bool ignoreCase argument: true when it asks to ignore case. */
static bool
a_ignore_case(const hv_value *v)
{
    if (v->kind == HV_BOOL)
        return v->u.b;
    if (v->kind == HV_ENUM)
        return v->aux & 1;
    if (v->kind == HV_INT)
        return v->u.i & 1;
    if (v->kind == HV_STRING) {
        int32_t x;
        if (hv_enum_parse(&hv_enum_stringcomparison, hv_str_cstr(v), &x))
            return x & 1;
    }
    return false;
}

static bool
is_comparison_arg(const hv_value *v)
{
    if (v->kind == HV_ENUM || v->kind == HV_BOOL)
        return true;
    int32_t x;
    return v->kind == HV_STRING && hv_enum_parse(&hv_enum_stringcomparison, hv_str_cstr(v), &x);
}

/* ------------------------------------------------------------------ UTF-16 indexing */

static size_t
u16_to_byte(const char *s, size_t len, size_t idx)
{
    size_t i = 0, u = 0;
    while (i < len && u < idx) {
        uint32_t cp = hv_utf8_next(s, len, &i);
        u += cp >= 0x10000 ? 2 : 1;
    }
    return i;
}

static size_t
u16_len(const hv_value *s)
{
    return hv_utf16_len(hv_str_cstr(s), hv_str_len(s));
}

/* Decode a string into code points (for char sets and per-char work). */
static uint32_t *
codepoints(const char *s, size_t len, size_t *n)
{
    uint32_t *cp = hv_xmalloc((len + 1) * sizeof *cp);
    size_t k = 0;
    for (size_t i = 0; i < len;)
        cp[k++] = hv_utf8_next(s, len, &i);
    *n = k;
    return cp;
}

static hv_value
from_codepoints(const uint32_t *cp, size_t n)
{
    hv_buf b = {0};
    char u[4];
    for (size_t i = 0; i < n; i++)
        hv_buf_put(&b, u, hv_utf8_put(u, cp[i]));
    return hv_buf_finish(&b);
}

/* Ordinal search of needle in hay from byte offset `from`; optional case folding. */
static long
find(const char *h, size_t hl, const char *nd, size_t nl, size_t from, bool ic)
{
    if (nl == 0)
        return (long)from;
    for (size_t i = from; i + nl <= hl; i++) {
        if (((unsigned char)h[i] & 0xC0) == 0x80)
            continue;
        if (ic ? hv_strn_eq_ci(h + i, nl, nd, nl) : memcmp(h + i, nd, nl) == 0)
            return (long)i;
    }
    return -1;
}

static long
rfind(const char *h, size_t hl, const char *nd, size_t nl, bool ic)
{
    if (nl > hl)
        return -1;
    for (size_t i = hl - nl + 1; i-- > 0;) {
        if (((unsigned char)h[i] & 0xC0) == 0x80)
            continue;
        if (ic ? hv_strn_eq_ci(h + i, nl, nd, nl) : memcmp(h + i, nd, nl) == 0)
            return (long)i;
    }
    return -1;
}

/* ------------------------------------------------------------------ char sets */

typedef struct {
    uint32_t *cp;
    size_t n;
} charset;

/* Chars from args[from..]: chars, strings (each char), arrays of them. */
static void
charset_add(charset *cs, const hv_value *v)
{
    if (v->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(v); i++)
            charset_add(cs, hv_array_at(v, i));
        return;
    }
    if (v->kind == HV_CHAR) {
        cs->cp = hv_xrealloc(cs->cp, (cs->n + 1) * sizeof *cs->cp);
        cs->cp[cs->n++] = (uint32_t)v->u.i;
        return;
    }
    hv_value s = hv_conv_to_string(v, NULL);
    size_t k;
    uint32_t *cp = codepoints(hv_str_cstr(&s), hv_str_len(&s), &k);
    cs->cp = hv_xrealloc(cs->cp, (cs->n + k + 1) * sizeof *cs->cp);
    memcpy(cs->cp + cs->n, cp, k * sizeof *cp);
    cs->n += k;
    free(cp);
    hv_unref(s);
}

static bool
charset_has(const charset *cs, uint32_t c)
{
    for (size_t i = 0; i < cs->n; i++)
        if (cs->cp[i] == c)
            return true;
    return false;
}

static bool
is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* ------------------------------------------------------------------ string members */

static int
str_trim(call *c, const hv_value *s, int which)
{
    size_t n;
    uint32_t *cp = codepoints(hv_str_cstr(s), hv_str_len(s), &n);
    charset cs = {0};
    for (size_t i = 0; i < c->n; i++)
        charset_add(&cs, &c->a[i]);
    size_t a = 0, b = n;
    bool ws = cs.n == 0;
    if (which <= 0)
        while (a < b && (ws ? is_space_cp(cp[a]) : charset_has(&cs, cp[a])))
            a++;
    if (which >= 0)
        while (b > a && (ws ? is_space_cp(cp[b - 1]) : charset_has(&cs, cp[b - 1])))
            b--;
    hv_value r = from_codepoints(cp + a, b - a);
    free(cp);
    free(cs.cp);
    return ret(c, r);
}

static int
str_substring(call *c, const hv_value *s)
{
    if (c->n < 1 || c->n > 2)
        return no_overload(c);
    int64_t start, len = -1;
    if (!a_int(c, 0, &start) || (c->n == 2 && !a_int(c, 1, &len)))
        return -1;
    size_t total = u16_len(s);
    if (start < 0)
        return throwf(c, "StartIndex cannot be less than zero. (Parameter 'startIndex')");
    if ((size_t)start > total)
        return throwf(c, "startIndex cannot be larger than length of string. (Parameter 'startIndex')");
    if (c->n == 2) {
        if (len < 0)
            return throwf(c, "Length cannot be less than zero. (Parameter 'length')");
        if ((size_t)(start + len) > total)
            return throwf(c, "Index and length must refer to a location within the string. (Parameter 'length')");
    } else {
        len = (int64_t)total - start;
    }
    const char *p = hv_str_cstr(s);
    size_t bl = hv_str_len(s);
    size_t b0 = u16_to_byte(p, bl, (size_t)start);
    size_t b1 = b0 + u16_to_byte(p + b0, bl - b0, (size_t)len);
    return ret(c, hv_strn(p + b0, b1 - b0));
}

static int
str_replace(call *c, const hv_value *s)
{
    if (c->n < 2 || c->n > 4)
        return no_overload(c);
    hv_value from = a_str(c, 0), to = a_str(c, 1);
    bool ic = c->n >= 3 && a_ignore_case(&c->a[2]);
    int rc;
    if (hv_str_len(&from) == 0) {
        rc = throwf(c, "String cannot be of zero length. (Parameter 'oldValue')");
    } else {
        hv_buf b = {0};
        const char *h = hv_str_cstr(s);
        size_t hl = hv_str_len(s), pos = 0;
        long at;
        while ((at = find(h, hl, hv_str_cstr(&from), hv_str_len(&from), pos, ic)) >= 0) {
            hv_buf_put(&b, h + pos, (size_t)at - pos);
            hv_buf_put(&b, hv_str_cstr(&to), hv_str_len(&to));
            pos = (size_t)at + hv_str_len(&from);
        }
        hv_buf_put(&b, h + pos, hl - pos);
        rc = ret(c, hv_buf_finish(&b));
    }
    hv_unref(from);
    hv_unref(to);
    return rc;
}

/* Split separators: strings (whole-string separators), chars (each char), arrays. */
typedef struct {
    hv_value *seps;
    size_t n;
} seplist;

static void
seps_add(seplist *l, const hv_value *v, bool chars_of_strings)
{
    if (v->kind == HV_ARRAY) {
        /* a char[] or string[] argument: each element is one separator, strings whole */
        for (size_t i = 0; i < hv_array_len(v); i++)
            seps_add(l, hv_array_at(v, i), false);
        return;
    }
    hv_value s = hv_conv_to_string(v, NULL);
    if (chars_of_strings && hv_str_len(&s) > 1) {
        const char *p = hv_str_cstr(&s);
        for (size_t i = 0; i < hv_str_len(&s);) {
            size_t st = i;
            hv_utf8_next(p, hv_str_len(&s), &i);
            l->seps = hv_xrealloc(l->seps, (l->n + 1) * sizeof *l->seps);
            l->seps[l->n++] = hv_strn(p + st, i - st);
        }
        hv_unref(s);
        return;
    }
    l->seps = hv_xrealloc(l->seps, (l->n + 1) * sizeof *l->seps);
    l->seps[l->n++] = s;
}

static int
split_options_arg(const hv_value *v)
{
    if (v->kind == HV_ENUM)
        return v->aux;
    if (v->kind == HV_INT)
        return (int)v->u.i;
    int32_t x = 0;
    if (v->kind == HV_STRING && hv_enum_parse(&hv_enum_splitoptions, hv_str_cstr(v), &x))
        return x;
    return 0;
}

static bool
is_options_arg(const hv_value *v)
{
    int32_t x;
    return (v->kind == HV_ENUM && v->u.e == &hv_enum_splitoptions) ||
           (v->kind == HV_STRING && hv_enum_parse(&hv_enum_splitoptions, hv_str_cstr(v), &x) &&
            !isdigit((unsigned char)hv_str_cstr(v)[0]));
}

static void
split_piece(hv_value *out, const char *p, size_t len, int opts)
{
    if (opts & 2) { /* TrimEntries */
        while (len && isspace((unsigned char)*p))
            p++, len--;
        while (len && isspace((unsigned char)p[len - 1]))
            len--;
    }
    if ((opts & 1) && len == 0)
        return;
    hv_array_push(out, hv_strn(p, len));
}

static int
str_split(call *c, const hv_value *s)
{
    seplist sl = {0};
    int64_t count = INT32_MAX;
    int opts = 0;
    size_t nsep = c->n;
    if (nsep && is_options_arg(&c->a[nsep - 1])) {
        opts = split_options_arg(&c->a[nsep - 1]);
        nsep--;
    }
    if (nsep >= 2 && hv_is_number(&c->a[nsep - 1])) {
        if (!a_int(c, nsep - 1, &count))
            return -1;
        nsep--;
    }
    /* a single string argument is one separator (.NET Core's Split(string)); several
     * arguments or a char array are a set of single-char separators */
    for (size_t i = 0; i < nsep; i++)
        seps_add(&sl, &c->a[i], nsep > 1);
    if (count < 0) {
        for (size_t i = 0; i < sl.n; i++)
            hv_unref(sl.seps[i]);
        free(sl.seps);
        return throwf(c, "Count cannot be less than zero. (Parameter 'count')");
    }
    const char *p = hv_str_cstr(s);
    size_t len = hv_str_len(s), start = 0, i = 0;
    hv_value out = hv_array_new(4);
    int64_t pieces = 1;
    while (i < len && pieces < count) {
        size_t mlen = 0;
        if (sl.n == 0) {
            size_t j = i;
            uint32_t cp = hv_utf8_next(p, len, &j);
            if (is_space_cp(cp))
                mlen = j - i;
        } else {
            for (size_t k = 0; k < sl.n; k++) {
                size_t sl_len = hv_str_len(&sl.seps[k]);
                if (sl_len && i + sl_len <= len && memcmp(p + i, hv_str_cstr(&sl.seps[k]), sl_len) == 0) {
                    mlen = sl_len;
                    break;
                }
            }
        }
        if (mlen) {
            size_t before = hv_array_len(&out);
            split_piece(&out, p + start, i - start, opts);
            if (hv_array_len(&out) > before)
                pieces++;
            i += mlen;
            start = i;
        } else {
            i++;
        }
    }
    split_piece(&out, p + start, len - start, opts);
    for (size_t k = 0; k < sl.n; k++)
        hv_unref(sl.seps[k]);
    free(sl.seps);
    if (count == 0) {
        hv_unref(out);
        out = hv_array_new(0);
    }
    return ret(c, out);
}

static int
str_index_of(call *c, const hv_value *s, bool last, bool any)
{
    if (c->n < 1 || c->n > 4)
        return no_overload(c);
    const char *h = hv_str_cstr(s);
    size_t hl = hv_str_len(s);
    bool ic = c->n >= 2 && is_comparison_arg(&c->a[c->n - 1]) && a_ignore_case(&c->a[c->n - 1]);
    size_t nargs = c->n - (c->n >= 2 && is_comparison_arg(&c->a[c->n - 1]) ? 1 : 0);
    int64_t start = 0;
    if (nargs >= 2 && !a_int(c, 1, &start))
        return -1;
    if (start < 0 || (size_t)start > u16_len(s))
        return throwf(c, "Specified argument was out of the range of valid values. (Parameter 'startIndex')");
    size_t from = u16_to_byte(h, hl, (size_t)start);
    long at = -1;
    if (any) {
        charset cs = {0};
        charset_add(&cs, &c->a[0]);
        for (size_t i = from; i < hl;) {
            size_t st = i;
            uint32_t cp = hv_utf8_next(h, hl, &i);
            if (charset_has(&cs, cp)) {
                at = (long)st;
                if (!last)
                    break;
            }
        }
        free(cs.cp);
    } else {
        hv_value nd = a_str(c, 0);
        if (last && nargs < 2)
            at = rfind(h, hl, hv_str_cstr(&nd), hv_str_len(&nd), ic);
        else if (last)
            at = rfind(h, from + hv_str_len(&nd) <= hl ? from + 1 : hl, hv_str_cstr(&nd), hv_str_len(&nd), ic);
        else
            at = find(h, hl, hv_str_cstr(&nd), hv_str_len(&nd), from, ic);
        hv_unref(nd);
    }
    return ret(c, hv_int(at < 0 ? -1 : (int32_t)hv_utf16_len(h, (size_t)at)));
}

static int
str_pad(call *c, const hv_value *s, bool left)
{
    if (c->n < 1 || c->n > 2)
        return no_overload(c);
    int64_t width;
    if (!a_int(c, 0, &width))
        return -1;
    if (width < 0)
        return throwf(c, "Non-negative number required. (Parameter 'totalWidth')");
    uint32_t pc = ' ';
    if (c->n == 2) {
        hv_value ch;
        hv_conv_err e;
        if (!hv_conv_to_type(&c->a[1], hv_type_lookup("char"), &ch, &e))
            return arg_fail(c, 1, "System.Char", &e);
        pc = (uint32_t)ch.u.i;
    }
    size_t have = u16_len(s);
    if ((size_t)width <= have)
        return ret(c, hv_ref(s));
    hv_buf b = {0};
    char u[4];
    size_t ul = hv_utf8_put(u, pc);
    if (!left)
        hv_buf_put(&b, hv_str_cstr(s), hv_str_len(s));
    for (size_t i = have; i < (size_t)width; i++)
        hv_buf_put(&b, u, ul);
    if (left)
        hv_buf_put(&b, hv_str_cstr(s), hv_str_len(s));
    return ret(c, hv_buf_finish(&b));
}

static hv_value
map_case(const hv_value *s, bool upper)
{
    hv_buf b = {0};
    const char *p = hv_str_cstr(s);
    size_t len = hv_str_len(s);
    char u[4];
    for (size_t i = 0; i < len;) {
        uint32_t cp = hv_utf8_next(p, len, &i);
        hv_buf_put(&b, u, hv_utf8_put(u, upper ? hv_uc_upper(cp) : hv_uc_lower(cp)));
    }
    return hv_buf_finish(&b);
}

static int
str_starts_ends(call *c, const hv_value *s, int mode)
{
    if (c->n < 1 || c->n > 3)
        return no_overload(c);
    hv_value nd = a_str(c, 0);
    bool ic = c->n >= 2 && a_ignore_case(&c->a[1]);
    const char *h = hv_str_cstr(s), *n = hv_str_cstr(&nd);
    size_t hl = hv_str_len(s), nl = hv_str_len(&nd);
    bool r;
    if (mode == 0)
        r = nl <= hl && (ic ? hv_strn_eq_ci(h, nl, n, nl) : memcmp(h, n, nl) == 0);
    else if (mode == 1)
        r = nl <= hl && (ic ? hv_strn_eq_ci(h + hl - nl, nl, n, nl) : memcmp(h + hl - nl, n, nl) == 0);
    else
        r = find(h, hl, n, nl, 0, ic) >= 0;
    hv_unref(nd);
    return ret(c, hv_bool(r));
}

static int
str_insert_remove(call *c, const hv_value *s, bool insert)
{
    if (c->n < 1 || c->n > 2 || (insert && c->n != 2))
        return no_overload(c);
    int64_t idx, cnt = -1;
    if (!a_int(c, 0, &idx))
        return -1;
    size_t total = u16_len(s);
    const char *p = hv_str_cstr(s);
    size_t bl = hv_str_len(s);
    if (insert) {
        if (idx < 0 || (size_t)idx > total)
            return throwf(c, "Specified argument was out of the range of valid values. (Parameter 'startIndex')");
        hv_value ins = a_str(c, 1);
        size_t at = u16_to_byte(p, bl, (size_t)idx);
        hv_buf b = {0};
        hv_buf_put(&b, p, at);
        hv_buf_put(&b, hv_str_cstr(&ins), hv_str_len(&ins));
        hv_buf_put(&b, p + at, bl - at);
        hv_unref(ins);
        return ret(c, hv_buf_finish(&b));
    }
    if (c->n == 2 && !a_int(c, 1, &cnt))
        return -1;
    if (idx < 0)
        return throwf(c, "StartIndex cannot be less than zero. (Parameter 'startIndex')");
    if (c->n == 1 && (size_t)idx >= total + (total == 0))
        return throwf(c, "startIndex must be less than length of string. (Parameter 'startIndex')");
    if (cnt < 0)
        cnt = c->n == 2 ? -1 : (int64_t)total - idx;
    if (cnt < 0)
        return throwf(c, "Count cannot be less than zero. (Parameter 'count')");
    if ((size_t)(idx + cnt) > total)
        return throwf(c, "Index and count must refer to a location within the string. (Parameter 'count')");
    size_t b0 = u16_to_byte(p, bl, (size_t)idx);
    size_t b1 = b0 + u16_to_byte(p + b0, bl - b0, (size_t)cnt);
    hv_buf b = {0};
    hv_buf_put(&b, p, b0);
    hv_buf_put(&b, p + b1, bl - b1);
    return ret(c, hv_buf_finish(&b));
}

static int
str_compare_to(call *c, const hv_value *s)
{
    if (c->n != 1)
        return no_overload(c);
    if (c->a[0].kind == HV_NULL)
        return ret(c, hv_int(1));
    hv_value o = a_str(c, 0);
    int r = hv_op_compare(s, &o, HV_OPF_CASE_SENSITIVE);
    hv_unref(o);
    return ret(c, hv_int(r < 0 ? -1 : r > 0));
}

static int
str_members(call *c, const hv_value *s)
{
    if (IS("Substring"))
        return str_substring(c, s);
    if (IS("Replace"))
        return str_replace(c, s);
    if (IS("Split"))
        return str_split(c, s);
    if (IS("Trim"))
        return str_trim(c, s, 0);
    if (IS("TrimStart"))
        return str_trim(c, s, -1);
    if (IS("TrimEnd"))
        return str_trim(c, s, 1);
    if (IS("ToUpper") || IS("ToUpperInvariant"))
        return ret(c, map_case(s, true));
    if (IS("ToLower") || IS("ToLowerInvariant"))
        return ret(c, map_case(s, false));
    if (IS("StartsWith"))
        return str_starts_ends(c, s, 0);
    if (IS("EndsWith"))
        return str_starts_ends(c, s, 1);
    if (IS("Contains"))
        return str_starts_ends(c, s, 2);
    if (IS("IndexOf"))
        return str_index_of(c, s, false, false);
    if (IS("LastIndexOf"))
        return str_index_of(c, s, true, false);
    if (IS("IndexOfAny"))
        return str_index_of(c, s, false, true);
    if (IS("LastIndexOfAny"))
        return str_index_of(c, s, true, true);
    if (IS("PadLeft"))
        return str_pad(c, s, true);
    if (IS("PadRight"))
        return str_pad(c, s, false);
    if (IS("Insert"))
        return str_insert_remove(c, s, true);
    if (IS("Remove"))
        return str_insert_remove(c, s, false);
    if (IS("CompareTo"))
        return str_compare_to(c, s);
    if (IS("Equals")) {
        if (c->n < 1 || c->n > 2)
            return no_overload(c);
        if (c->a[0].kind != HV_STRING)
            return ret(c, hv_bool(false));
        bool ic = c->n == 2 && a_ignore_case(&c->a[1]);
        return ret(c, hv_bool(hv_op_equal(s, &c->a[0], ic ? 0 : HV_OPF_CASE_SENSITIVE)));
    }
    if (IS("ToCharArray")) {
        size_t n;
        uint32_t *cp = codepoints(hv_str_cstr(s), hv_str_len(s), &n);
        hv_value a = hv_array_new(n);
        for (size_t i = 0; i < n; i++)
            hv_array_push(&a, hv_char(cp[i]));
        free(cp);
        return ret(c, a);
    }
    if (IS("Chars") && c->n == 1) {
        int64_t i;
        if (!a_int(c, 0, &i))
            return -1;
        size_t n;
        uint32_t *cp = codepoints(hv_str_cstr(s), hv_str_len(s), &n);
        int rc = i < 0 || (size_t)i >= n
                     ? throwf(c, "Index was outside the bounds of the array.")
                     : ret(c, hv_char(cp[i]));
        free(cp);
        return rc;
    }
    if (IS("Normalize") || IS("Clone") || (IS("ToString") && c->n <= 1))
        return ret(c, hv_ref(s));
    if (IS("IsNormalized"))
        return ret(c, hv_bool(true));
    if (IS("GetHashCode"))
        return ret(c, hv_int((int32_t)hv_str_hash_ci(s)));
    return 0;
}

static bool
str_property(const hv_value *s, const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "Length")) {
        *out = hv_int((int32_t)u16_len(s));
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ arrays / ArrayList */

/* .NET Equals as IList.Contains uses: same type and value, strings case-sensitive. */
static bool
net_equals(const hv_value *a, const hv_value *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == HV_INT || a->kind == HV_DOUBLE)
        return a->sub == b->sub && hv_op_equal(a, b, HV_OPF_CASE_SENSITIVE);
    return hv_op_equal(a, b, HV_OPF_CASE_SENSITIVE);
}

static long
array_index_of(const hv_value *arr, const hv_value *x, size_t from)
{
    size_t n = hv_array_len(arr);
    for (size_t i = from; i < n; i++)
        if (net_equals(hv_array_at(arr, i), x))
            return (long)i;
    return -1;
}

static int
sort_cmp(const void *a, const void *b)
{
    return hv_op_compare(a, b, 0);
}

/* HashSet element equality: .NET Equals, or ignoring case for an OrdinalIgnoreCase set. */
static bool
set_equals(const hv_value *set, const hv_value *x, const hv_value *y)
{
    if (set->sub == HV_TA_HASHSET_CI && x->kind == HV_STRING && y->kind == HV_STRING)
        return hv_op_equal(x, y, 0);
    return net_equals(x, y);
}

static long
set_index_of(const hv_value *set, const hv_value *x)
{
    for (size_t i = 0; i < hv_array_len(set); i++)
        if (set_equals(set, hv_array_at(set, i), x))
            return (long)i;
    return -1;
}

/* Queue / Stack / HashSet[T] methods (see convert.h for their layout); 0 = not one. */
static int
collection_members(call *c, const hv_value *arr)
{
    hv_value a = *arr;
    size_t n = hv_array_len(arr);
    bool queue = arr->sub == HV_TA_QUEUE || arr->sub == HV_TA_GENERIC_QUEUE;
    bool stack = arr->sub == HV_TA_STACK || arr->sub == HV_TA_GENERIC_STACK;
    if ((queue && IS("Enqueue") && c->n == 1) || (stack && IS("Push") && c->n == 1)) {
        if (queue)
            hv_array_push(&a, hv_ref(&c->a[0]));
        else
            hv_array_insert(&a, 0, hv_ref(&c->a[0]));
        return ret(c, hv_null());
    }
    if (((queue && (IS("Dequeue") || IS("Peek"))) || (stack && (IS("Pop") || IS("Peek")))) && c->n == 0) {
        if (n == 0)
            return throwf(c, queue ? "Queue empty." : "Stack empty.");
        hv_value x = hv_ref(hv_array_at(arr, 0));
        if (!IS("Peek"))
            hv_array_remove_at(&a, 0);
        return ret(c, x);
    }
    if (arr->sub != HV_TA_HASHSET && arr->sub != HV_TA_HASHSET_CI)
        return 0;
    if (IS("Contains") && c->n == 1)
        return ret(c, hv_bool(set_index_of(arr, &c->a[0]) >= 0));
    if ((IS("Add") || IS("Remove")) && c->n == 1) {
        long at = set_index_of(arr, &c->a[0]);
        if (IS("Add") && at < 0)
            hv_array_push(&a, hv_ref(&c->a[0]));
        else if (IS("Remove") && at >= 0)
            hv_array_remove_at(&a, (size_t)at);
        return ret(c, hv_bool(IS("Add") ? at < 0 : at >= 0));
    }
    if ((IS("UnionWith") || IS("ExceptWith") || IS("IntersectWith")) && c->n == 1) {
        const hv_value *o = &c->a[0];
        size_t on = o->kind == HV_ARRAY ? hv_array_len(o) : 1;
        if (IS("IntersectWith")) {
            for (size_t i = hv_array_len(&a); i-- > 0;) {
                hv_value one = hv_array_new(1);
                if (o->kind != HV_ARRAY)
                    hv_array_push(&one, hv_ref(o));
                one.sub = arr->sub;
                const hv_value *in_set = o->kind == HV_ARRAY ? o : &one;
                bool in = false;
                for (size_t k = 0; k < hv_array_len(in_set) && !in; k++)
                    in = set_equals(arr, hv_array_at(in_set, k), hv_array_at(&a, i));
                hv_unref(one);
                if (!in)
                    hv_array_remove_at(&a, i);
            }
            return ret(c, hv_null());
        }
        for (size_t i = 0; i < on; i++) {
            const hv_value *x = o->kind == HV_ARRAY ? hv_array_at(o, i) : o;
            long at = set_index_of(&a, x);
            if (IS("UnionWith") && at < 0)
                hv_array_push(&a, hv_ref(x));
            else if (IS("ExceptWith") && at >= 0)
                hv_array_remove_at(&a, (size_t)at);
        }
        return ret(c, hv_null());
    }
    return 0;
}

static int
array_members(call *c, const hv_value *arr)
{
    if (arr->sub >= HV_TA_QUEUE) {
        int rc = collection_members(c, arr);
        if (rc)
            return rc;
    }
    hv_value a = *arr; /* same heap: mutations are visible to every reference */
    bool list = arr->sub != HV_TA_OBJECT;
    bool generic = arr->sub == HV_TA_GENERIC_LIST;
    size_t n = hv_array_len(arr);
    if (IS("Contains") && c->n == 1)
        return ret(c, hv_bool(array_index_of(arr, &c->a[0], 0) >= 0));
    if (IS("IndexOf") && c->n >= 1) {
        int64_t from = 0;
        if (c->n >= 2 && !a_int(c, 1, &from))
            return -1;
        return ret(c, hv_int((int32_t)array_index_of(arr, &c->a[0], (size_t)(from < 0 ? 0 : from))));
    }
    if (IS("LastIndexOf") && c->n == 1) {
        long at = -1;
        for (size_t i = 0; i < n; i++)
            if (net_equals(hv_array_at(arr, i), &c->a[0]))
                at = (long)i;
        return ret(c, hv_int((int32_t)at));
    }
    if (IS("Clone")) {
        hv_value r = hv_array_clone(arr);
        r.sub = arr->sub;
        return ret(c, r);
    }
    if (IS("GetValue") && c->n == 1) {
        int64_t i;
        if (!a_int(c, 0, &i))
            return -1;
        if (i < 0 || (size_t)i >= n)
            return throwf(c, "Index was outside the bounds of the array.");
        return ret(c, hv_ref(hv_array_at(arr, (size_t)i)));
    }
    if (IS("SetValue") && c->n == 2) {
        int64_t i;
        if (!a_int(c, 1, &i))
            return -1;
        if (i < 0 || (size_t)i >= n)
            return throwf(c, "Index was outside the bounds of the array.");
        hv_array_set(&a, (size_t)i, hv_ref(&c->a[0]));
        return ret(c, hv_null());
    }
    if (IS("ToArray")) {
        hv_value r = hv_array_clone(arr);
        r.sub = 0;
        return ret(c, r);
    }
    if (IS("GetLength") || IS("GetUpperBound") || IS("GetLowerBound"))
        return ret(c, hv_int(IS("GetLength") ? (int32_t)n : IS("GetUpperBound") ? (int32_t)n - 1 : 0));
    if (IS("Add") || IS("AddRange") || IS("Remove") || IS("RemoveAt") || IS("Insert") ||
        IS("Clear") || IS("RemoveRange") || IS("InsertRange")) {
        if (!list && IS("Clear") && c->n == 0 && arr->sub == HV_TA_OBJECT) {
            /* Array.Clear: every element becomes its type's default (about_Arrays) */
            for (size_t i = 0; i < n; i++) {
                const hv_value *e = hv_array_at(arr, i);
                hv_value d = e->kind == HV_INT      ? hv_intk(0, (hv_numkind)e->sub)
                             : e->kind == HV_DOUBLE ? hv_doublek(0, (hv_numkind)e->sub)
                             : e->kind == HV_BOOL   ? hv_bool(false)
                             : e->kind == HV_CHAR   ? hv_char(0)
                                                    : hv_null();
                hv_array_set(&a, i, d);
            }
            return ret(c, hv_null());
        }
        if (!list)
            return throwf(c, "Collection was of a fixed size.");
        if (IS("Add") && c->n == 1) {
            hv_array_push(&a, hv_ref(&c->a[0]));
            return ret(c, generic ? hv_null() : hv_int((int32_t)n)); /* ArrayList.Add: index */
        }
        if (IS("AddRange") && c->n == 1) {
            const hv_value *r = &c->a[0];
            if (r->kind == HV_ARRAY) {
                for (size_t i = 0; i < hv_array_len(r); i++)
                    hv_array_push(&a, hv_ref(hv_array_at(r, i)));
            } else {
                hv_array_push(&a, hv_ref(r));
            }
            return ret(c, hv_null());
        }
        if (IS("Remove") && c->n == 1) {
            long at = array_index_of(arr, &c->a[0], 0);
            if (at >= 0)
                hv_array_remove_at(&a, (size_t)at);
            return ret(c, generic ? hv_bool(at >= 0) : hv_null()); /* List<T>.Remove: bool */
        }
        if ((IS("RemoveAt") && c->n == 1) || (IS("Insert") && c->n == 2)) {
            int64_t i;
            if (!a_int(c, 0, &i))
                return -1;
            if (i < 0 || (size_t)i > n || (IS("RemoveAt") && (size_t)i == n))
                return throwf(c, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
            if (IS("RemoveAt"))
                hv_array_remove_at(&a, (size_t)i);
            else
                hv_array_insert(&a, (size_t)i, hv_ref(&c->a[1]));
            return ret(c, hv_null());
        }
        if (IS("RemoveRange") && c->n == 2) {
            int64_t i, k;
            if (!a_int(c, 0, &i) || !a_int(c, 1, &k))
                return -1;
            if (i < 0 || k < 0 || (size_t)(i + k) > n)
                return throwf(c, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int64_t j = 0; j < k; j++)
                hv_array_remove_at(&a, (size_t)i);
            return ret(c, hv_null());
        }
        if (IS("Clear") && c->n == 0) {
            hv_array_truncate(&a, 0);
            return ret(c, hv_null());
        }
        return no_overload(c);
    }
    if (list && IS("Reverse") && c->n == 0) {
        hv_value *it = hv_array_items(arr);
        for (size_t i = 0; i < n / 2; i++) {
            hv_value t = it[i];
            it[i] = it[n - 1 - i];
            it[n - 1 - i] = t;
        }
        return ret(c, hv_null());
    }
    if (list && IS("Sort") && c->n == 0) {
        if (n > 1)
            qsort(hv_array_items(arr), n, sizeof(hv_value), sort_cmp);
        return ret(c, hv_null());
    }
    if (IS("CopyTo") && c->n >= 1 && c->a[0].kind == HV_ARRAY) {
        int64_t at = 0;
        if (c->n >= 2 && !a_int(c, 1, &at))
            return -1;
        hv_value dst = c->a[0];
        if (at < 0 || (size_t)at + n > hv_array_len(&dst))
            return throwf(c, "Destination array was not long enough. Check the destination index, length, and the array's lower bounds. (Parameter 'destinationArray')");
        for (size_t i = 0; i < n; i++)
            hv_array_set(&dst, (size_t)at + i, hv_ref(hv_array_at(arr, i)));
        return ret(c, hv_null());
    }
    return 0;
}

static bool
array_property(const hv_value *arr, const char *name, hv_value *out)
{
    size_t n = hv_array_len(arr);
    if (hv_str_eq_ci(name, "Count") || hv_str_eq_ci(name, "Length")) {
        *out = hv_int((int32_t)n);
        return true;
    }
    if (hv_str_eq_ci(name, "LongLength")) {
        *out = hv_long((int64_t)n);
        return true;
    }
    if (hv_str_eq_ci(name, "Rank")) {
        *out = hv_int(1);
        return true;
    }
    if (hv_str_eq_ci(name, "IsFixedSize") || hv_str_eq_ci(name, "IsReadOnly")) {
        *out = hv_bool(hv_str_eq_ci(name, "IsFixedSize") && arr->sub == HV_TA_OBJECT);
        return true;
    }
    if (hv_str_eq_ci(name, "IsSynchronized")) {
        *out = hv_bool(false);
        return true;
    }
    if (hv_str_eq_ci(name, "SyncRoot")) {
        *out = hv_ref(arr);
        return true;
    }
    if (hv_str_eq_ci(name, "Capacity") && arr->sub != HV_TA_OBJECT) {
        *out = hv_int((int32_t)(n < 4 ? 4 : n));
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ hashtables */

static hv_value
table_keys(const hv_value *t, bool keys)
{
    hv_value a = hv_array_new(hv_table_count(t));
    const hv_value *k, *v;
    for (size_t i = 0; hv_table_next(t, &i, &k, &v);)
        hv_array_push(&a, hv_ref(keys ? k : v));
    return a;
}

static int
table_members(call *c, const hv_value *tv)
{
    hv_value t = *tv;
    if (IS("Add") && c->n == 2) {
        if (c->a[0].kind == HV_NULL)
            return throwf(c, "Key cannot be null. (Parameter 'key')");
        const hv_value *have = hv_table_get(tv, &c->a[0]);
        if (have) {
            hv_value ks = hv_conv_to_string(&c->a[0], NULL);
            int rc = throwf(c, "Item has already been added. Key in dictionary: '%s'  Key being added: '%s'",
                            hv_str_cstr(&ks), hv_str_cstr(&ks));
            hv_unref(ks);
            return rc;
        }
        hv_table_set(&t, hv_ref(&c->a[0]), hv_ref(&c->a[1]));
        return ret(c, hv_null());
    }
    if ((IS("ContainsKey") || IS("Contains")) && c->n == 1)
        return ret(c, hv_bool(c->a[0].kind != HV_NULL && hv_table_get(tv, &c->a[0]) != NULL));
    if (IS("ContainsValue") && c->n == 1) {
        const hv_value *k, *v;
        for (size_t i = 0; hv_table_next(tv, &i, &k, &v);)
            if (net_equals(v, &c->a[0]) || (v->kind == HV_NULL && c->a[0].kind == HV_NULL))
                return ret(c, hv_bool(true));
        return ret(c, hv_bool(false));
    }
    if (IS("Remove") && c->n == 1) {
        if (c->a[0].kind == HV_NULL)
            return throwf(c, "Key cannot be null. (Parameter 'key')");
        hv_table_remove(&t, &c->a[0]);
        return ret(c, hv_null());
    }
    if (IS("Clear") && c->n == 0) {
        hv_table_clear(&t);
        return ret(c, hv_null());
    }
    if (IS("Clone") && c->n == 0)
        return ret(c, hv_table_clone(tv));
    if ((IS("Item") || IS("get_Item")) && c->n == 1) {
        const hv_value *v = hv_table_get(tv, &c->a[0]);
        return ret(c, v ? hv_ref(v) : hv_null());
    }
    if (IS("set_Item") && c->n == 2) {
        hv_table_set(&t, hv_ref(&c->a[0]), hv_ref(&c->a[1]));
        return ret(c, hv_null());
    }
    if (IS("Insert") && c->n == 3 && (hv_table_flags(tv) & HV_TABLE_ORDERED)) {
        /* rebuild with the new entry at the index: OrderedDictionary.Insert */
        int64_t at;
        if (!a_int(c, 0, &at))
            return -1;
        if (at < 0 || (size_t)at > hv_table_count(tv))
            return throwf(c, "Specified argument was out of the range of valid values. (Parameter 'index')");
        hv_value copy = hv_table_clone(tv);
        hv_table_clear(&t);
        const hv_value *k, *v;
        size_t idx = 0;
        for (size_t i = 0;; idx++) {
            if (idx == (size_t)at)
                hv_table_set(&t, hv_ref(&c->a[1]), hv_ref(&c->a[2]));
            if (!hv_table_next(&copy, &i, &k, &v))
                break;
            hv_table_set(&t, hv_ref(k), hv_ref(v));
        }
        hv_unref(copy);
        return ret(c, hv_null());
    }
    if (IS("GetEnumerator") && c->n == 0) {
        /* an array of Key/Value entries (DictionaryEntry) the pipeline can enumerate */
        static const hv_obj_class entry_class = {.type_name = "System.Collections.DictionaryEntry"};
        hv_value a = hv_array_new(hv_table_count(tv));
        const hv_value *k, *v;
        for (size_t i = 0; hv_table_next(tv, &i, &k, &v);) {
            hv_value e = hv_obj_new(&entry_class);
            hv_obj_set(&e, "Name", hv_ref(k));
            hv_obj_set(&e, "Key", hv_ref(k));
            hv_obj_set(&e, "Value", hv_ref(v));
            hv_array_push(&a, e);
        }
        return ret(c, a);
    }
    return 0;
}

static bool
table_property(const hv_value *t, const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "Count")) {
        *out = hv_int((int32_t)hv_table_count(t));
        return true;
    }
    if (hv_str_eq_ci(name, "Keys") || hv_str_eq_ci(name, "Values")) {
        *out = table_keys(t, hv_str_eq_ci(name, "Keys"));
        return true;
    }
    if (hv_str_eq_ci(name, "IsReadOnly") || hv_str_eq_ci(name, "IsFixedSize") ||
        hv_str_eq_ci(name, "IsSynchronized")) {
        *out = hv_bool(false);
        return true;
    }
    if (hv_str_eq_ci(name, "SyncRoot")) {
        *out = hv_ref(t);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ dates / timespans */

static int64_t
add_months(int64_t ticks, int64_t months, bool *ok)
{
    hv_dt_parts p;
    hv_dt_split(ticks, &p);
    int64_t m = (int64_t)p.year * 12 + (p.month - 1) + months;
    int y = (int)(m / 12), mo = (int)(m % 12) + 1;
    int d = p.day;
    int dim = hv_dt_days_in_month(y, mo);
    if (d > dim)
        d = dim;
    int64_t out;
    *ok = hv_dt_make(y, mo, d, 0, 0, 0, 0, &out);
    return out + ticks % HV_TICKS_PER_DAY;
}

static const int64_t dt_max_ticks = 3155378975999999999LL;

static int
dt_result(call *c, int64_t t, hv_dtkind k)
{
    if (t < 0 || t > dt_max_ticks)
        return throwf(c, "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')");
    return ret(c, hv_datetime(t, k));
}

static int
dt_members(call *c, const hv_value *v)
{
    int64_t t = v->u.i;
    hv_dtkind k = (hv_dtkind)v->sub;
    static const struct {
        const char *name;
        double unit;
    } adds[] = {
        {"AddDays", (double)HV_TICKS_PER_DAY}, {"AddHours", 36000000000.0},
        {"AddMinutes", 600000000.0},           {"AddSeconds", 10000000.0},
        {"AddMilliseconds", 10000.0},          {"AddTicks", 1.0},
    };
    for (size_t i = 0; i < sizeof adds / sizeof adds[0]; i++) {
        if (IS(adds[i].name)) {
            if (c->n != 1)
                return no_overload(c);
            double x;
            if (!a_dbl(c, 0, &x))
                return -1;
            /* .NET rounds the scaled value to whole milliseconds for Add* doubles */
            double ticks = x * adds[i].unit;
            if (adds[i].unit > 1)
                ticks = round(ticks / 10000.0) * 10000.0;
            if (!(fabs(ticks) < 3.2e18)) /* also NaN */
                return throwf(c, "Value to add was out of range. (Parameter 'value')");
            return dt_result(c, t + (int64_t)ticks, k);
        }
    }
    if (IS("AddMonths") || IS("AddYears")) {
        if (c->n != 1)
            return no_overload(c);
        int64_t x;
        if (!a_int(c, 0, &x))
            return -1;
        bool ok = x > -120000 && x < 120000;
        int64_t r = ok ? add_months(t, IS("AddYears") ? x * 12 : x, &ok) : 0;
        if (!ok)
            return throwf(c, "The added or subtracted value results in an un-representable DateTime. (Parameter 'months')");
        return ret(c, hv_datetime(r, k));
    }
    int64_t sum;
    if (IS("Add") && c->n == 1 && c->a[0].kind == HV_TIMESPAN)
        return __builtin_add_overflow(t, c->a[0].u.i, &sum) ? dt_result(c, -1, k) : dt_result(c, sum, k);
    if (IS("Subtract") && c->n == 1) {
        if (c->a[0].kind == HV_DATETIME)
            return ret(c, hv_timespan(t - c->a[0].u.i)); /* both in 0..max: cannot overflow */
        if (c->a[0].kind == HV_TIMESPAN)
            return __builtin_sub_overflow(t, c->a[0].u.i, &sum) ? dt_result(c, -1, k) : dt_result(c, sum, k);
        return no_overload(c);
    }
    if (IS("ToString")) {
        if (c->n == 0 || is_culture(&c->a[0]) || c->a[0].kind == HV_NULL)
            return ret(c, hv_dt_format(t, k, c->n && is_culture(&c->a[0]) && !*(const char *)hv_boxed_ptr(&c->a[0])
                                                 ? NULL : "G"));
        hv_value f = a_str(c, 0);
        hv_value r = hv_dt_format(t, k, hv_str_len(&f) ? hv_str_cstr(&f) : "G");
        hv_unref(f);
        return ret(c, r);
    }
    if (IS("ToShortDateString"))
        return ret(c, hv_dt_format(t, k, "d"));
    if (IS("ToLongDateString"))
        return ret(c, hv_dt_format(t, k, "D"));
    if (IS("ToShortTimeString"))
        return ret(c, hv_dt_format(t, k, "t"));
    if (IS("ToLongTimeString"))
        return ret(c, hv_dt_format(t, k, "T"));
    if (IS("ToUniversalTime")) {
        if (k == HV_DT_UTC)
            return ret(c, *v);
        int64_t guess = t - hv_dt_local_offset(t) * HV_TICKS_PER_SEC;
        int64_t utc = t - hv_dt_local_offset(guess) * HV_TICKS_PER_SEC;
        return ret(c, hv_datetime(utc, HV_DT_UTC));
    }
    if (IS("ToLocalTime")) {
        if (k == HV_DT_LOCAL)
            return ret(c, *v);
        return ret(c, hv_datetime(t + hv_dt_local_offset(t) * HV_TICKS_PER_SEC, HV_DT_LOCAL));
    }
    if (IS("CompareTo") && c->n == 1) {
        int r = hv_op_compare(v, &c->a[0], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    if (IS("Equals") && c->n == 1)
        return ret(c, hv_bool(c->a[0].kind == HV_DATETIME && c->a[0].u.i == t));
    if (IS("IsDaylightSavingTime")) {
        time_t tt = (time_t)((t - HV_UNIX_EPOCH_TICKS) / HV_TICKS_PER_SEC);
        struct tm tm;
        localtime_r(&tt, &tm);
        return ret(c, hv_bool(tm.tm_isdst > 0));
    }
    if (IS("ToFileTime") || IS("ToFileTimeUtc"))
        return ret(c, hv_long(t - 504911232000000000LL));
    return 0;
}

static bool
dt_property(const hv_value *v, const char *name, hv_value *out)
{
    hv_dt_parts p;
    hv_dt_split(v->u.i, &p);
    static const char *const names[] = {"Year",   "Month",       "Day",       "Hour",
                                        "Minute", "Second",      "Millisecond", "DayOfYear"};
    int vals[] = {p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond, p.dayofyear};
    for (size_t i = 0; i < 8; i++) {
        if (hv_str_eq_ci(name, names[i])) {
            *out = hv_int(vals[i]);
            return true;
        }
    }
    if (hv_str_eq_ci(name, "DayOfWeek"))
        *out = hv_enum(&hv_enum_dayofweek, p.dayofweek);
    else if (hv_str_eq_ci(name, "Ticks"))
        *out = hv_long(v->u.i);
    else if (hv_str_eq_ci(name, "Date"))
        *out = hv_datetime(v->u.i - v->u.i % HV_TICKS_PER_DAY, (hv_dtkind)v->sub);
    else if (hv_str_eq_ci(name, "TimeOfDay"))
        *out = hv_timespan(v->u.i % HV_TICKS_PER_DAY);
    else if (hv_str_eq_ci(name, "Kind"))
        *out = hv_enum(&hv_enum_datetimekind, v->sub);
    else if (hv_str_eq_ci(name, "Microsecond"))
        *out = hv_int(p.frac / 10 % 1000);
    else if (hv_str_eq_ci(name, "Nanosecond"))
        *out = hv_int(p.frac % 10 * 100);
    else if (hv_str_eq_ci(name, "DateTime"))
        *out = hv_dt_format(v->u.i, (hv_dtkind)v->sub, "F"); /* pwsh's ETS DateTime property */
    else if (v->pad >= 1 && v->pad <= 3 && hv_str_eq_ci(name, "DisplayHint"))
        *out = hv_enum(&hv_enum_displayhint, v->pad - 1); /* Get-Date's note (convert.h) */
    else
        return false;
    return true;
}

static bool
ts_property(const hv_value *v, const char *name, hv_value *out)
{
    int64_t t = v->u.i;
    static const struct {
        const char *name;
        int64_t div, mod;
    } parts[] = {
        {"Days", HV_TICKS_PER_DAY, 0},           {"Hours", 36000000000LL, 24},
        {"Minutes", 600000000LL, 60},            {"Seconds", 10000000LL, 60},
        {"Milliseconds", 10000LL, 1000},         {"Microseconds", 10LL, 1000},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (hv_str_eq_ci(name, parts[i].name)) {
            int64_t x = t / parts[i].div;
            if (parts[i].mod)
                x %= parts[i].mod;
            *out = hv_int((int32_t)x);
            return true;
        }
    }
    static const struct {
        const char *name;
        double div;
    } totals[] = {
        {"TotalDays", 864000000000.0},   {"TotalHours", 36000000000.0},
        {"TotalMinutes", 600000000.0},   {"TotalSeconds", 10000000.0},
        {"TotalMilliseconds", 10000.0},  {"TotalMicroseconds", 10.0},
    };
    for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        if (hv_str_eq_ci(name, totals[i].name)) {
            *out = hv_double((double)t / totals[i].div);
            return true;
        }
    }
    if (hv_str_eq_ci(name, "Ticks")) {
        *out = hv_long(t);
        return true;
    }
    return false;
}

static int
ts_members(call *c, const hv_value *v)
{
    int64_t t = v->u.i;
    if ((IS("Add") || IS("Subtract")) && c->n == 1) {
        if (c->a[0].kind != HV_TIMESPAN)
            return no_overload(c);
        return ret(c, hv_timespan(IS("Add") ? t + c->a[0].u.i : t - c->a[0].u.i));
    }
    if (IS("Negate"))
        return ret(c, hv_timespan(-t));
    if (IS("Duration"))
        return ret(c, hv_timespan(t < 0 ? -t : t));
    if (IS("ToString")) {
        if (c->n == 0)
            return ret(c, hv_ts_format(t, NULL));
        hv_value f = a_str(c, 0);
        hv_value r = hv_ts_format(t, hv_str_cstr(&f));
        hv_unref(f);
        return ret(c, r);
    }
    if (IS("CompareTo") && c->n == 1) {
        int r = hv_op_compare(v, &c->a[0], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    if (IS("Equals") && c->n == 1)
        return ret(c, hv_bool(c->a[0].kind == HV_TIMESPAN && c->a[0].u.i == t));
    if ((IS("Multiply") || IS("Divide")) && c->n == 1) {
        if (c->a[0].kind == HV_TIMESPAN && IS("Divide"))
            return ret(c, hv_double((double)t / (double)c->a[0].u.i));
        double x;
        if (!a_dbl(c, 0, &x))
            return -1;
        return ret(c, hv_timespan((int64_t)llround(IS("Multiply") ? (double)t * x : (double)t / x)));
    }
    return 0;
}

/* ------------------------------------------------------------------ numbers, misc */

/* .NET's ToString() of a number: shortest round-trip for doubles (unlike PowerShell's own
 * "G15" string conversion). */
/* A [decimal] keeps its scale (hv_value.pad): 1.30d shows "1.30", as .NET's decimal. */
static void
pad_decimal_scale(char *tmp, size_t size, unsigned scale)
{
    if (!scale || strchr(tmp, 'E') || strchr(tmp, 'N') || strchr(tmp, 'I'))
        return;
    char *dot = strchr(tmp, '.');
    size_t len = strlen(tmp);
    unsigned have = dot ? (unsigned)(len - (size_t)(dot - tmp) - 1) : 0;
    if (!dot && len + 1 < size)
        tmp[len++] = '.';
    while (have < scale && len + 1 < size) {
        tmp[len++] = '0';
        have++;
    }
    tmp[len] = 0;
}

static hv_value
net_number_string(const hv_value *v)
{
    if (v->kind != HV_DOUBLE)
        return hv_conv_to_string(v, NULL);
    char tmp[64];
    hv_conv_fmt_double(v->u.d, (hv_numkind)v->sub, tmp, sizeof tmp);
    if (v->sub == HV_N_DECIMAL)
        pad_decimal_scale(tmp, sizeof tmp, v->pad);
    return hv_str(tmp);
}

static int
num_members(call *c, const hv_value *v)
{
    if (IS("ToString")) {
        if (c->n == 0 || (c->n == 1 && is_culture(&c->a[0])) || c->a[0].kind == HV_NULL)
            return ret(c, net_number_string(v));
        hv_value f = a_str(c, 0);
        hv_value r = hv_conv_format_one(v, hv_str_cstr(&f));
        hv_unref(f);
        return ret(c, r);
    }
    if (IS("CompareTo") && c->n == 1) {
        if (c->a[0].kind == HV_NULL)
            return ret(c, hv_int(1));
        if (!hv_is_number(&c->a[0]) || c->a[0].sub != v->sub)
            return throwf(c, "Object must be of type %s.", strrchr(hv_type_name_of(v), '.') + 1);
        int r = hv_op_compare(v, &c->a[0], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    if (IS("Equals") && c->n == 1)
        return ret(c, hv_bool(net_equals(v, &c->a[0])));
    if (IS("GetHashCode"))
        return ret(c, hv_int((int32_t)v->u.i));
    if (IS("GetTypeCode")) {
        static const char *const tc[] = {[HV_N_INT32] = "Int32", [HV_N_INT64] = "Int64",
                                         [HV_N_BYTE] = "Byte",   [HV_N_SBYTE] = "SByte",
                                         [HV_N_INT16] = "Int16", [HV_N_UINT16] = "UInt16",
                                         [HV_N_UINT32] = "UInt32", [HV_N_UINT64] = "UInt64",
                                         [HV_N_BIGINT] = "Object", [HV_N_DOUBLE] = "Double",
                                         [HV_N_FLOAT] = "Single", [HV_N_DECIMAL] = "Decimal"};
        return ret(c, hv_str(tc[v->sub]));
    }
    return 0;
}

static int
simple_members(call *c, const hv_value *v)
{
    if (IS("ToString") && c->n == 0)
        return ret(c, hv_conv_to_string(v, NULL));
    if (IS("Equals") && c->n == 1)
        return ret(c, hv_bool(net_equals(v, &c->a[0])));
    if (IS("CompareTo") && c->n == 1) {
        int r = hv_op_compare(v, &c->a[0], HV_OPF_CASE_SENSITIVE);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    if (v->kind == HV_ENUM && IS("HasFlag") && c->n == 1) {
        hv_value f;
        hv_conv_err e;
        const hv_type_info *t = hv_type_of(v);
        if (!hv_conv_to_type(&c->a[0], t, &f, &e))
            return arg_fail(c, 0, t->full_name, &e);
        return ret(c, hv_bool((v->aux & f.aux) == f.aux));
    }
    if (v->kind == HV_ENUM && IS("value__"))
        return ret(c, hv_int(v->aux));
    if (v->kind == HV_ENUM && IS("ToString") && c->n == 1) {
        hv_value f = a_str(c, 0);
        const char *fs = hv_str_cstr(&f);
        hv_value r;
        if (hv_str_eq_ci(fs, "D"))
            r = hv_strf("%d", v->aux);
        else if (hv_str_eq_ci(fs, "X"))
            r = hv_strf("%08X", (unsigned)v->aux);
        else if (!*fs || hv_str_eq_ci(fs, "G") || hv_str_eq_ci(fs, "F") || is_culture(&c->a[0]))
            r = hv_conv_to_string(v, NULL);
        else {
            hv_unref(f);
            return throwf(c, "Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }
        hv_unref(f);
        return ret(c, r);
    }
    return 0;
}

/* ------------------------------------------------------------------ types */

static hv_value
type_short_name(const hv_type_info *t)
{
    const char *full = t->full_name;
    const char *gen = strchr(full, '[');
    /* "System.Object[]" -> "Object[]" */
    size_t stem = gen ? (size_t)(gen - full) : strlen(full);
    const char *dot = NULL;
    for (size_t i = 0; i < stem; i++)
        if (full[i] == '.')
            dot = full + i;
    return hv_str(dot ? dot + 1 : full);
}

static bool
is_value_type(const hv_type_info *t)
{
    return t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_BOOL ||
           t->kind == HV_CHAR || t->kind == HV_DATETIME || t->kind == HV_TIMESPAN ||
           t->kind == HV_ENUM || (t->kind == HV_BOXED && t->sub == HV_TB_GUID);
}

static bool
type_property(const hv_value *v, const char *name, hv_value *out)
{
    const hv_type_info *t = v->u.t;
    if (hv_str_eq_ci(name, "Name")) {
        *out = type_short_name(t);
    } else if (hv_str_eq_ci(name, "FullName") || hv_str_eq_ci(name, "AssemblyQualifiedName")) {
        *out = hv_str(t->full_name);
    } else if (hv_str_eq_ci(name, "Namespace")) {
        const char *dot = strrchr(t->full_name, '.');
        *out = dot ? hv_strn(t->full_name, (size_t)(dot - t->full_name)) : hv_null();
    } else if (hv_str_eq_ci(name, "IsArray")) {
        *out = hv_bool(t->kind == HV_ARRAY && t->sub == HV_TA_OBJECT && t->element);
    } else if (hv_str_eq_ci(name, "IsEnum")) {
        *out = hv_bool(t->kind == HV_ENUM);
    } else if (hv_str_eq_ci(name, "IsValueType")) {
        *out = hv_bool(is_value_type(t));
    } else if (hv_str_eq_ci(name, "IsClass")) {
        *out = hv_bool(!is_value_type(t));
    } else if (hv_str_eq_ci(name, "IsPublic")) {
        *out = hv_bool(true);
    } else if (hv_str_eq_ci(name, "BaseType")) {
        const char *base = t->kind == HV_ENUM ? "System.Enum"
                         : is_value_type(t) ? "System.ValueType"
                         : (t->kind == HV_ARRAY && t->element) ? "System.Array"
                         : hv_str_eq_ci(t->full_name, "System.Object") ? NULL
                         : "System.Object";
        HV_AUTO hv_value probe = hv_null();
        if (t->kind == HV_OBJECT && t->sub == 2) { /* exception type: its .NET base */
            probe = hv_err_exception_new(t->full_name, "", NULL);
            if (hv_obj_typename_count(&probe) > 1)
                base = hv_obj_typename_at(&probe, 1);
        }
        const hv_type_info *bt = base ? hv_type_lookup(base) : NULL;
        if (!bt && base && strcmp(base, "System.ValueType") == 0)
            *out = hv_str("System.ValueType");
        else
            *out = bt ? hv_type(bt) : hv_null();
    } else if (hv_str_eq_ci(name, "UnderlyingSystemType")) {
        *out = *v;
    } else {
        return false;
    }
    return true;
}

static int
type_members(call *c, const hv_value *v)
{
    const hv_type_info *t = v->u.t;
    /* pwsh's ETS ToString for types prints the accelerator name: [int].ToString() is "int" */
    if (IS("ToString") && c->n == 0)
        return ret(c, hv_str(hv_type_name(t)));
    if (IS("GetEnumUnderlyingType") && c->n == 0) {
        if (t->kind != HV_ENUM)
            return throwf(c, "Type provided must be an Enum. (Parameter 'enumType')");
        hv_value probe = t->enum_def && t->enum_def->underlying
                             ? hv_intk(0, (hv_numkind)t->enum_def->underlying)
                             : hv_int(0);
        return ret(c, hv_type(hv_type_of(&probe)));
    }
    if (IS("GetEnumNames") || IS("GetEnumValues")) {
        if (t->kind != HV_ENUM)
            return throwf(c, "Type provided must be an Enum. (Parameter 'enumType')");
        hv_value a = hv_array_new((size_t)t->enum_def->count);
        for (int i = 0; i < t->enum_def->count; i++)
            hv_array_push(&a, IS("GetEnumNames") ? hv_str(t->enum_def->names[i])
                                                 : hv_enum(t->enum_def, t->enum_def->values[i]));
        return ret(c, a);
    }
    if (IS("IsInstanceOfType") && c->n == 1)
        return ret(c, hv_bool(hv_op_is_type(&c->a[0], t)));
    if (IS("GetElementType"))
        return ret(c, t->element ? hv_type(t->element) : hv_null());
    if (IS("Equals") && c->n == 1)
        return ret(c, hv_bool(c->a[0].kind == HV_TYPE && c->a[0].u.t == t));
    return 0;
}

/* ------------------------------------------------------------------ boxed values */

typedef struct {
    int code; /* 1 utf8, 2 ascii, 3 utf-16le, 4 utf-32le, 5 latin1, 6 utf-16be */
} encoding_data;

static hv_value
enc_to_string(const void *p)
{
    static const char *const names[] = {"", "System.Text.UTF8Encoding+UTF8EncodingSealed",
                                        "System.Text.ASCIIEncoding+ASCIIEncodingSealed",
                                        "System.Text.UnicodeEncoding", "System.Text.UTF32Encoding",
                                        "System.Text.Latin1Encoding", "System.Text.UnicodeEncoding"};
    return hv_str(names[((const encoding_data *)p)->code]);
}

const hv_boxed_class hv_encoding_class = {.type_name = "System.Text.Encoding", .free = free,
                                          .to_string = enc_to_string};

static hv_value
encoding_new(int code)
{
    encoding_data *d = hv_xmalloc(sizeof *d);
    d->code = code;
    return hv_boxed_new(&hv_encoding_class, d);
}

static hv_value
bytes_value(const unsigned char *p, size_t n)
{
    hv_value a = hv_array_new(n);
    for (size_t i = 0; i < n; i++)
        hv_array_push(&a, hv_intk(p[i], HV_N_BYTE));
    return a;
}

/* A byte[] argument: array of numbers (each 0..255). */
static bool
a_bytes(call *c, size_t i, hv_buf *out)
{
    const hv_value *v = &c->a[i];
    size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    for (size_t k = 0; k < n; k++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, k) : v;
        hv_value b;
        hv_conv_err err;
        if (!hv_conv_to_type(e, hv_type_lookup("byte"), &b, &err)) {
            arg_fail(c, i, "System.Byte[]", &err);
            return false;
        }
        hv_buf_putc(out, (char)b.u.i);
    }
    return true;
}

static int
encoding_members(call *c, const hv_value *v)
{
    int code = ((const encoding_data *)hv_boxed_ptr(v))->code;
    if (IS("GetBytes") && c->n == 1) {
        hv_value s = a_str(c, 0);
        const char *p = hv_str_cstr(&s);
        size_t len = hv_str_len(&s);
        hv_buf b = {0};
        for (size_t i = 0; i < len;) {
            size_t st = i;
            uint32_t cp = hv_utf8_next(p, len, &i);
            if (code == 1) {
                hv_buf_put(&b, p + st, i - st);
            } else if (code == 2 || code == 5) {
                hv_buf_putc(&b, (char)(cp < (code == 2 ? 0x80u : 0x100u) ? cp : '?'));
            } else if (code == 3 || code == 6) {
                uint32_t units[2] = {cp, 0};
                int nu = 1;
                if (cp >= 0x10000) {
                    units[0] = 0xD800 + ((cp - 0x10000) >> 10);
                    units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
                    nu = 2;
                }
                for (int u = 0; u < nu; u++) {
                    char lo = (char)(units[u] & 0xFF), hi = (char)(units[u] >> 8);
                    hv_buf_putc(&b, code == 3 ? lo : hi);
                    hv_buf_putc(&b, code == 3 ? hi : lo);
                }
            } else {
                for (int k = 0; k < 4; k++)
                    hv_buf_putc(&b, (char)((cp >> (8 * k)) & 0xFF));
            }
        }
        hv_value r = bytes_value((const unsigned char *)(b.data ? b.data : ""), b.len);
        hv_buf_free(&b);
        hv_unref(s);
        return ret(c, r);
    }
    if (IS("GetString") && c->n >= 1) {
        hv_buf b = {0};
        if (!a_bytes(c, 0, &b))
            return -1;
        const unsigned char *p = (const unsigned char *)(b.data ? b.data : "");
        hv_buf s = {0};
        char u[4];
        if (code == 1) {
            hv_buf_put(&s, (const char *)p, b.len);
        } else if (code == 2 || code == 5) {
            for (size_t i = 0; i < b.len; i++)
                hv_buf_put(&s, u, hv_utf8_put(u, code == 2 && p[i] >= 0x80 ? '?' : p[i]));
        } else if (code == 3 || code == 6) {
            for (size_t i = 0; i + 1 < b.len; i += 2) {
                uint32_t cu = code == 3 ? (uint32_t)(p[i] | p[i + 1] << 8) : (uint32_t)(p[i] << 8 | p[i + 1]);
                if (cu >= 0xD800 && cu < 0xDC00 && i + 3 < b.len) {
                    uint32_t lo = code == 3 ? (uint32_t)(p[i + 2] | p[i + 3] << 8) : (uint32_t)(p[i + 2] << 8 | p[i + 3]);
                    cu = 0x10000 + ((cu - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
                hv_buf_put(&s, u, hv_utf8_put(u, cu));
            }
        } else {
            for (size_t i = 0; i + 3 < b.len; i += 4)
                hv_buf_put(&s, u, hv_utf8_put(u, (uint32_t)(p[i] | p[i + 1] << 8 | p[i + 2] << 16 | (uint32_t)p[i + 3] << 24)));
        }
        hv_buf_free(&b);
        return ret(c, hv_buf_finish(&s));
    }
    if (IS("GetByteCount") && c->n == 1) {
        hv_value s = a_str(c, 0);
        size_t n = code == 1 ? hv_str_len(&s) : code == 3 || code == 6 ? 2 * u16_len(&s) : u16_len(&s);
        hv_unref(s);
        return ret(c, hv_int((int32_t)n));
    }
    if (IS("GetPreamble"))
        return ret(c, hv_array_new(0));
    return 0;
}

static bool
encoding_property(const hv_value *v, const char *name, hv_value *out)
{
    int code = ((const encoding_data *)hv_boxed_ptr(v))->code;
    static const char *const web[] = {"", "utf-8", "us-ascii", "utf-16", "utf-32", "iso-8859-1", "utf-16BE"};
    static const int cp[] = {0, 65001, 20127, 1200, 12000, 28591, 1201};
    if (hv_str_eq_ci(name, "WebName") || hv_str_eq_ci(name, "BodyName") || hv_str_eq_ci(name, "HeaderName")) {
        *out = hv_str(web[code]);
        return true;
    }
    if (hv_str_eq_ci(name, "CodePage")) {
        *out = hv_int(cp[code]);
        return true;
    }
    if (hv_str_eq_ci(name, "EncodingName")) {
        static const char *const en[] = {"", "Unicode (UTF-8)", "US-ASCII", "Unicode", "Unicode (UTF-32)", "Western European (ISO)", "Unicode (Big-Endian)"};
        *out = hv_str(en[code]);
        return true;
    }
    return false;
}

static int
version_members(call *c, const hv_value *v)
{
    const hv_version_data *d = hv_boxed_ptr(v);
    if (IS("ToString") && c->n == 1) {
        int64_t k;
        if (!a_int(c, 0, &k))
            return -1;
        int have = 0;
        while (have < 4 && d->part[have] >= 0)
            have++;
        if (k < 0 || k > have)
            return throwf(c, "Argument must be between 0 and %d. (Parameter 'fieldCount')", have);
        hv_buf b = {0};
        for (int i = 0; i < k; i++)
            hv_buf_printf(&b, i ? ".%d" : "%d", d->part[i]);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("CompareTo") && c->n == 1) {
        int r = hv_op_compare(v, &c->a[0], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    return 0;
}

static bool
version_property(const hv_value *v, const char *name, hv_value *out)
{
    const hv_version_data *d = hv_boxed_ptr(v);
    static const char *const names[] = {"Major", "Minor", "Build", "Revision"};
    for (int i = 0; i < 4; i++) {
        if (hv_str_eq_ci(name, names[i])) {
            *out = hv_int(d->part[i]);
            return true;
        }
    }
    if (hv_str_eq_ci(name, "MajorRevision") || hv_str_eq_ci(name, "MinorRevision")) {
        int r = d->part[3] < 0 ? -1 : d->part[3];
        *out = hv_intk(hv_str_eq_ci(name, "MajorRevision") ? (r >> 16) : (int16_t)(r & 0xFFFF), HV_N_INT16);
        return true;
    }
    return false;
}

static int
guid_members(call *c, const hv_value *v)
{
    const unsigned char *g = hv_boxed_ptr(v);
    if (IS("ToString") && c->n == 1) {
        hv_value f = a_str(c, 0);
        hv_value s = hv_conv_to_string(v, NULL);
        const char *fs = hv_str_cstr(&f);
        hv_value r;
        if (!*fs || hv_str_eq_ci(fs, "D")) {
            r = hv_ref(&s);
        } else if (hv_str_eq_ci(fs, "N")) {
            hv_buf b = {0};
            for (const char *p = hv_str_cstr(&s); *p; p++)
                if (*p != '-')
                    hv_buf_putc(&b, *p);
            r = hv_buf_finish(&b);
        } else if (hv_str_eq_ci(fs, "B")) {
            r = hv_strf("{%s}", hv_str_cstr(&s));
        } else if (hv_str_eq_ci(fs, "P")) {
            r = hv_strf("(%s)", hv_str_cstr(&s));
        } else {
            hv_unref(f);
            hv_unref(s);
            return throwf(c, "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
        }
        if (fs[0] >= 'A' && fs[0] <= 'Z' && false)
            (void)0;
        hv_unref(f);
        hv_unref(s);
        return ret(c, r);
    }
    if (IS("ToByteArray"))
        return ret(c, bytes_value(g, 16));
    return 0;
}

static bool
ip_property(const hv_value *v, const char *name, hv_value *out)
{
    const hv_ipaddress_data *ip = hv_boxed_ptr(v);
    if (hv_str_eq_ci(name, "AddressFamily")) {
        *out = hv_str(ip->family == 2 ? "InterNetwork" : "InterNetworkV6");
        return true;
    }
    if (hv_str_eq_ci(name, "IPAddressToString")) {
        *out = hv_conv_to_string(v, NULL);
        return true;
    }
    if (hv_str_eq_ci(name, "IsIPv6LinkLocal")) {
        *out = hv_bool(ip->family != 2 && ip->addr[0] == 0xfe && (ip->addr[1] & 0xc0) == 0x80);
        return true;
    }
    if (hv_str_eq_ci(name, "IsIPv4MappedToIPv6")) {
        static const unsigned char pre[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        *out = hv_bool(ip->family != 2 && memcmp(ip->addr, pre, 12) == 0);
        return true;
    }
    if (hv_str_eq_ci(name, "Address") && ip->family == 2) {
        *out = hv_long((int64_t)((uint32_t)ip->addr[0] | (uint32_t)ip->addr[1] << 8 |
                                 (uint32_t)ip->addr[2] << 16 | (uint32_t)ip->addr[3] << 24));
        return true;
    }
    return false;
}

static int
ip_members(call *c, const hv_value *v)
{
    const hv_ipaddress_data *ip = hv_boxed_ptr(v);
    if (IS("GetAddressBytes"))
        return ret(c, bytes_value(ip->addr, ip->family == 2 ? 4 : 16));
    return 0;
}

/* [regex] instance: Match, Matches, Replace, Split, IsMatch, GetGroupNames. */
static int
regex_members(call *c, const hv_value *v)
{
    if (IS("ToString") && c->n == 0)
        return ret(c, hv_conv_to_string(v, NULL));
    hv_conv_err e;
    hv_regex *re = hv_regex_of(v, &e);
    if (!re)
        return throwf(c, "%s", e.msg);
    if (IS("GetGroupNames") || IS("GetGroupNumbers")) {
        int n = hv_regex_group_count(re);
        hv_value a = hv_array_new((size_t)n);
        for (int i = 0; i < n; i++) {
            const char *nm = hv_regex_group_name(re, i);
            if (IS("GetGroupNumbers"))
                hv_array_push(&a, hv_int(i));
            else
                hv_array_push(&a, nm ? hv_str(nm) : hv_strf("%d", i));
        }
        return ret(c, a);
    }
    if (c->n < 1)
        return 0;
    hv_value s = a_str(c, 0);
    const char *p = hv_str_cstr(&s);
    size_t len = hv_str_len(&s);
    int rc = 0;
    if (IS("IsMatch")) {
        rc = ret(c, hv_bool(hv_regex_match(re, p, len, NULL)));
    } else if (IS("Match")) {
        int64_t start = 0;
        if (c->n >= 2 && !a_int(c, 1, &start))
            rc = -1;
        else
            rc = ret(c, hv_regex_match_object(re, p, len, u16_to_byte(p, len, (size_t)start)));
    } else if (IS("Matches")) {
        rc = ret(c, hv_regex_matches(re, p, len));
    } else if (IS("Replace") && c->n >= 2) {
        hv_value r = a_str(c, 1);
        int64_t count = -1;
        if (c->n >= 3 && !a_int(c, 2, &count))
            rc = -1;
        else
            rc = ret(c, hv_regex_replace_n(re, p, len, hv_str_cstr(&r), (int)count));
        hv_unref(r);
    } else if (IS("Split")) {
        int64_t count = 0;
        if (c->n >= 2 && !a_int(c, 1, &count))
            rc = -1;
        else
            rc = ret(c, hv_regex_split(re, p, len, (int)count));
    }
    hv_unref(s);
    return rc;
}

static bool
regex_property(const hv_value *v, const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "Options")) {
        hv_conv_err e;
        hv_regex *re = hv_regex_of(v, &e);
        (void)re;
        *out = hv_str("None");
        return true;
    }
    if (hv_str_eq_ci(name, "RightToLeft")) {
        *out = hv_bool(false);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ CultureInfo */

/* TextInfo.ToTitleCase: each word's first letter upper, the rest lower; words written
 * all in capitals (acronyms) stay as they are. */
static hv_value
title_case(const char *s, size_t len)
{
    hv_buf b = {0};
    size_t i = 0;
    while (i < len) {
        size_t ws = i;
        bool letters = false, all_upper = true;
        for (size_t k = i; k < len;) {
            size_t at = k;
            uint32_t cp = hv_utf8_next(s, len, &k);
            bool word = cp == '\'' || (cp >= '0' && cp <= '9') || hv_uc_lower(cp) != hv_uc_upper(cp);
            if (!word) {
                i = at;
                break;
            }
            if (hv_uc_lower(cp) != hv_uc_upper(cp)) {
                letters = true;
                if (cp != hv_uc_upper(cp))
                    all_upper = false;
            }
            i = k;
        }
        bool first = true;
        for (size_t k = ws; k < i;) {
            uint32_t cp = hv_utf8_next(s, len, &k);
            uint32_t o = (letters && all_upper) ? cp : first ? hv_uc_upper(cp) : hv_uc_lower(cp);
            if (hv_uc_lower(cp) != hv_uc_upper(cp))
                first = false;
            char enc[4];
            hv_buf_put(&b, enc, hv_utf8_put(enc, o));
        }
        if (i == ws) { /* a separator */
            size_t k = i;
            uint32_t cp = hv_utf8_next(s, len, &k);
            char enc[4];
            hv_buf_put(&b, enc, hv_utf8_put(enc, cp));
            i = k;
        }
    }
    if (!b.data)
        return hv_str("");
    return hv_buf_finish(&b);
}

static int
textinfo_call(const hv_value *self, const char *name, const hv_value *args, size_t n,
              hv_value *out, char *err, size_t errsz)
{
    (void)self;
    (void)err;
    (void)errsz;
    bool title = hv_str_eq_ci(name, "ToTitleCase"), up = hv_str_eq_ci(name, "ToUpper"),
         low = hv_str_eq_ci(name, "ToLower");
    if (!(title || up || low) || n != 1)
        return 0;
    HV_AUTO hv_value sv = args[0].kind == HV_NULL ? hv_str("") : hv_conv_to_string(&args[0], NULL);
    const char *s = hv_str_cstr(&sv);
    size_t len = hv_str_len(&sv);
    if (title) {
        *out = title_case(s, len);
        return 1;
    }
    hv_buf b = {0};
    for (size_t k = 0; k < len;) {
        uint32_t cp = hv_utf8_next(s, len, &k);
        char enc[4];
        hv_buf_put(&b, enc, hv_utf8_put(enc, up ? hv_uc_upper(cp) : hv_uc_lower(cp)));
    }
    *out = b.data ? hv_buf_finish(&b) : hv_str("");
    return 1;
}

static const hv_obj_class textinfo_class = {.type_name = "System.Globalization.TextInfo",
                                            .call_method = textinfo_call};

static bool
culture_property(const hv_value *v, const char *name, hv_value *out)
{
    const char *cn = hv_boxed_ptr(v);
    bool inv = !*cn;
    if (hv_str_eq_ci(name, "TextInfo")) {
        *out = hv_obj_new(&textinfo_class);
        hv_obj_set(out, "CultureName", hv_str(cn));
        hv_obj_set(out, "ListSeparator", hv_str(","));
        hv_obj_set(out, "IsRightToLeft", hv_bool(false));
        return true;
    }
    if (hv_str_eq_ci(name, "Name") || hv_str_eq_ci(name, "IetfLanguageTag"))
        *out = hv_str(cn);
    else if (hv_str_eq_ci(name, "DisplayName") || hv_str_eq_ci(name, "EnglishName"))
        *out = hv_str(inv ? "Invariant Language (Invariant Country)"
                          : strcmp(cn, "en-US") == 0 ? "English (United States)" : cn);
    else if (hv_str_eq_ci(name, "TwoLetterISOLanguageName"))
        *out = inv ? hv_str("iv") : hv_strn(cn, strcspn(cn, "-"));
    else if (hv_str_eq_ci(name, "LCID"))
        *out = hv_int(inv ? 127 : strcmp(cn, "en-US") == 0 ? 1033 : 4096);
    else if (hv_str_eq_ci(name, "IsNeutralCulture"))
        *out = hv_bool(*cn && !strchr(cn, '-'));
    else
        return false;
    return true;
}

static bool
is_culture(const hv_value *v)
{
    return v->kind == HV_BOXED && hv_boxed_class_of(v) == &hv_culture_class;
}

/* ------------------------------------------------------------------ StringBuilder */

static bool a_char(call *c, size_t i, uint32_t *cp);

static void
sb_free(void *p)
{
    hv_buf *b = p;
    hv_buf_free(b);
    free(b);
}

static hv_value
sb_to_string(const void *p)
{
    const hv_buf *b = p;
    return hv_strn(b->data ? b->data : "", b->len);
}

static const hv_boxed_class sb_class = {.type_name = "System.Text.StringBuilder", .free = sb_free,
                                        .to_string = sb_to_string};

/* The builder's text plus its .NET Capacity (UTF-16 units), which scripts can read; the
 * hv_buf comes first so the boxed pointer is also the hv_buf the members use. */
typedef struct {
    hv_buf b;
    size_t capacity;
} sb_data;

static hv_value
sb_new(const char *init, int64_t capacity)
{
    sb_data *d = hv_xcalloc(1, sizeof *d);
    if (init)
        hv_buf_puts(&d->b, init);
    size_t len = init ? hv_utf16_len(init, strlen(init)) : 0;
    /* StringBuilder(string, int): max(capacity, length); 0 (the default) = 16 */
    d->capacity = capacity > 0 ? (size_t)capacity : 16;
    if (d->capacity < len)
        d->capacity = len;
    return hv_boxed_new(&sb_class, d);
}

/* Append-style members return the builder itself, as .NET does (hence [void]$sb.Append()). */
static int
sb_members(call *c, const hv_value *v)
{
    hv_buf *b = hv_boxed_ptr(v);
    if (IS("Append") || IS("AppendLine")) {
        if (c->n > 1 && IS("Append")) {
            /* Append(char, repeatCount) */
            int64_t k;
            uint32_t cp;
            if (!a_char(c, 0, &cp) || !a_int(c, 1, &k))
                return -1;
            char u[4];
            size_t ul = hv_utf8_put(u, cp);
            for (int64_t i = 0; i < k; i++)
                hv_buf_put(b, u, ul);
        } else if (c->n == 1) {
            if (c->a[0].kind == HV_ARRAY)
                hv_buf_puts(b, hv_type_name_of(&c->a[0]));
            else
                hv_conv_append_string(b, &c->a[0], NULL);
        }
        if (IS("AppendLine"))
            hv_buf_putc(b, '\n');
        return ret(c, hv_ref(v));
    }
    if (IS("AppendFormat") && c->n >= 1) {
        hv_value f = a_str(c, 0), out;
        hv_conv_err e;
        bool ok = c->n == 2 && c->a[1].kind == HV_ARRAY
                      ? hv_conv_format(hv_str_cstr(&f), hv_array_items(&c->a[1]), hv_array_len(&c->a[1]), &out, &e)
                      : hv_conv_format(hv_str_cstr(&f), c->a + 1, c->n - 1, &out, &e);
        hv_unref(f);
        if (!ok)
            return throwf(c, "%s", e.msg);
        hv_buf_put(b, hv_str_cstr(&out), hv_str_len(&out));
        hv_unref(out);
        return ret(c, hv_ref(v));
    }
    if (IS("ToString") && c->n == 0)
        return ret(c, sb_to_string(b));
    if (IS("Clear") && c->n == 0) {
        b->len = 0;
        if (b->data)
            b->data[0] = 0;
        return ret(c, hv_ref(v));
    }
    if (IS("Insert") || IS("Remove") || IS("Replace")) {
        /* reuse the string members on the current text, then store the result */
        hv_value cur = sb_to_string(b), res;
        call sc = {.name = c->name, .a = c->a, .n = c->n, .out = &res, .err = c->err};
        int rc = str_members(&sc, &cur);
        hv_unref(cur);
        if (rc != 1)
            return rc;
        b->len = 0;
        hv_buf_put(b, hv_str_cstr(&res), hv_str_len(&res));
        hv_unref(res);
        return ret(c, hv_ref(v));
    }
    return 0;
}

static bool
sb_property(const hv_value *v, const char *name, hv_value *out)
{
    const hv_buf *b = hv_boxed_ptr(v);
    if (hv_str_eq_ci(name, "Length")) {
        *out = hv_int((int32_t)hv_utf16_len(b->data ? b->data : "", b->len));
        return true;
    }
    if (hv_str_eq_ci(name, "Capacity")) {
        /* .NET grows by a chunk of max(overflow, min(current capacity, 8000)) */
        sb_data *d = (sb_data *)hv_boxed_ptr(v);
        size_t len = hv_utf16_len(b->data ? b->data : "", b->len);
        while (d->capacity < len) {
            size_t grow = d->capacity < 8000 ? d->capacity : 8000;
            d->capacity += len - d->capacity > grow ? len - d->capacity : grow;
        }
        *out = hv_int((int32_t)d->capacity);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ Stopwatch */

typedef struct {
    int64_t acc_ticks; /* elapsed before the current run */
    int64_t started;   /* monotonic ticks when running, else -1 */
} stopwatch;

static int64_t
mono_ticks(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * HV_TICKS_PER_SEC + ts.tv_nsec / 100;
}

static hv_value
sw_to_string(const void *p)
{
    (void)p;
    return hv_str("System.Diagnostics.Stopwatch");
}

static const hv_boxed_class sw_class = {.type_name = "System.Diagnostics.Stopwatch", .free = free,
                                        .to_string = sw_to_string};

static hv_value
sw_new(bool start)
{
    stopwatch *w = hv_xcalloc(1, sizeof *w);
    w->started = start ? mono_ticks() : -1;
    return hv_boxed_new(&sw_class, w);
}

static int64_t
sw_elapsed(const stopwatch *w)
{
    return w->acc_ticks + (w->started >= 0 ? mono_ticks() - w->started : 0);
}

static bool
sw_property(const hv_value *v, const char *name, hv_value *out)
{
    const stopwatch *w = hv_boxed_ptr(v);
    int64_t t = sw_elapsed(w);
    if (hv_str_eq_ci(name, "Elapsed"))
        *out = hv_timespan(t);
    else if (hv_str_eq_ci(name, "ElapsedMilliseconds"))
        *out = hv_long(t / 10000);
    else if (hv_str_eq_ci(name, "ElapsedTicks"))
        *out = hv_long(t * 100); /* Frequency is 1e9 on Linux */
    else if (hv_str_eq_ci(name, "IsRunning"))
        *out = hv_bool(w->started >= 0);
    else
        return false;
    return true;
}

static int
sw_members(call *c, const hv_value *v)
{
    stopwatch *w = hv_boxed_ptr(v);
    if (IS("Start")) {
        if (w->started < 0)
            w->started = mono_ticks();
    } else if (IS("Stop")) {
        if (w->started >= 0) {
            w->acc_ticks += mono_ticks() - w->started;
            w->started = -1;
        }
    } else if (IS("Reset")) {
        w->acc_ticks = 0;
        w->started = -1;
    } else if (IS("Restart")) {
        w->acc_ticks = 0;
        w->started = mono_ticks();
    } else {
        return 0;
    }
    return ret(c, hv_null());
}

/* ------------------------------------------------------------------ credentials */

/* PSCredential / NetworkCredential as objects; SecureStrings are the data cmdlets' objects
 * ("System.Security.SecureString", text in the native slot). */
static const hv_obj_class pscred_class = {.type_name = "System.Management.Automation.PSCredential"};
/* [StringComparer]::Ordinal / ::OrdinalIgnoreCase (and the culture ones, same here): passed
 * to hashtable / Dictionary / HashSet constructors to choose key case-sensitivity. */
static const hv_obj_class comparer_cs_class = {.type_name = "System.OrdinalComparer"};
static const hv_obj_class comparer_ci_class = {.type_name = "System.OrdinalIgnoreCaseComparer"};

/* 1 = a case-insensitive comparer, 0 = a case-sensitive one, -1 = no comparer. */
static int
comparer_kind(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return -1;
    const hv_obj_class *k = hv_obj_class_of(v);
    return k == &comparer_ci_class ? 1 : k == &comparer_cs_class ? 0 : -1;
}
static const hv_obj_class netcred_class = {.type_name = "System.Net.NetworkCredential"};

static bool
is_secure_string(const hv_value *v)
{
    const hv_obj_class *oc = v->kind == HV_OBJECT ? hv_obj_class_of(v) : NULL;
    return oc && oc->type_name && strcmp(oc->type_name, "System.Security.SecureString") == 0 &&
           hv_obj_native(v);
}

static hv_value
plain_text_of(const hv_value *v)
{
    if (is_secure_string(v))
        return hv_str(hv_obj_native(v));
    return v->kind == HV_NULL ? hv_str_empty() : hv_conv_to_string(v, NULL);
}

static int
credential_static(call *c, const hv_type_info *t)
{
    bool net = strcmp(t->full_name, "System.Net.NetworkCredential") == 0;
    if (!IS("new"))
        return 0;
    if (net) {
        hv_value o = hv_obj_new(&netcred_class);
        hv_obj_set(&o, "UserName", c->n >= 1 ? a_str(c, 0) : hv_str_empty());
        hv_obj_set(&o, "Password", c->n >= 2 ? plain_text_of(&c->a[1]) : hv_str_empty());
        hv_obj_set(&o, "SecurePassword", c->n >= 2 && is_secure_string(&c->a[1]) ? hv_ref(&c->a[1]) : hv_null());
        hv_obj_set(&o, "Domain", c->n >= 3 ? a_str(c, 2) : hv_str_empty());
        return ret(c, o);
    }
    if (c->n != 2)
        return no_overload(c);
    if (c->a[1].kind != HV_NULL && !is_secure_string(&c->a[1]))
        return arg_fail(c, 1, "System.Security.SecureString",
                        &(hv_conv_err){.msg = "The argument is not a SecureString."});
    hv_value o = hv_obj_new(&pscred_class);
    hv_obj_set(&o, "UserName", a_str(c, 0));
    hv_obj_set(&o, "Password", hv_ref(&c->a[1]));
    return ret(c, o);
}

static int
credential_members(call *c, const hv_value *v)
{
    if (!IS("GetNetworkCredential") || c->n != 0)
        return 0;
    hv_value o = hv_obj_new(&netcred_class);
    const hv_value *user = hv_obj_get(v, "UserName"), *pw = hv_obj_get(v, "Password");
    hv_value u = user ? hv_conv_to_string(user, NULL) : hv_str_empty();
    /* "DOMAIN\user" splits into Domain and UserName, as .NET does */
    const char *bs = strchr(hv_str_cstr(&u), '\\');
    if (bs) {
        hv_obj_set(&o, "UserName", hv_str(bs + 1));
        hv_obj_set(&o, "Password", pw ? plain_text_of(pw) : hv_str_empty());
        hv_obj_set(&o, "SecurePassword", pw ? hv_ref(pw) : hv_null());
        hv_obj_set(&o, "Domain", hv_strn(hv_str_cstr(&u), (size_t)(bs - hv_str_cstr(&u))));
    } else {
        hv_obj_set(&o, "UserName", hv_ref(&u));
        hv_obj_set(&o, "Password", pw ? plain_text_of(pw) : hv_str_empty());
        hv_obj_set(&o, "SecurePassword", pw ? hv_ref(pw) : hv_null());
        hv_obj_set(&o, "Domain", hv_str_empty());
    }
    hv_unref(u);
    return ret(c, o);
}

/* ------------------------------------------------------------------ instance dispatch */

bool
hv_methods_property(const hv_value *v, const char *name, hv_value *out)
{
    switch ((hv_kind)v->kind) {
    case HV_STRING:
        return str_property(v, name, out);
    case HV_ARRAY:
        return array_property(v, name, out);
    case HV_TABLE:
        return table_property(v, name, out);
    case HV_DATETIME:
        return dt_property(v, name, out);
    case HV_TIMESPAN:
        return ts_property(v, name, out);
    case HV_TYPE:
        return type_property(v, name, out);
    case HV_BOOL:
        /* SwitchParameter.IsPresent (a switch's value is a bool marked sub 1; an unset
         * switch may be a plain $false, which answers the same) */
        if (hv_str_eq_ci(name, "IsPresent")) {
            *out = hv_bool(v->u.b);
            return true;
        }
        return false;
    case HV_ENUM:
        if (hv_str_eq_ci(name, "value__")) {
            *out = v->u.e && v->u.e->underlying ? hv_intk(v->aux, (hv_numkind)v->u.e->underlying)
                                                : hv_int(v->aux);
            return true;
        }
        return false;
    case HV_BOXED: {
        const hv_boxed_class *bc = hv_boxed_class_of(v);
        if (bc == &hv_version_class)
            return version_property(v, name, out);
        if (bc == &hv_ipaddress_class)
            return ip_property(v, name, out);
        if (bc == &hv_encoding_class)
            return encoding_property(v, name, out);
        if (bc == &hv_regex_class)
            return regex_property(v, name, out);
        if (bc == &sb_class)
            return sb_property(v, name, out);
        if (bc == &hv_culture_class)
            return culture_property(v, name, out);
        if (bc == &sw_class)
            return sw_property(v, name, out);
        if (bc == &hv_guid_class && hv_str_eq_ci(name, "Guid")) {
            *out = hv_conv_to_string(v, NULL);
            return true;
        }
        return false;
    }
    default:
        return false;
    }
}

static int
get_type(call *c, const hv_value *v)
{
    if (c->n)
        return no_overload(c);
    const hv_type_info *t = hv_type_of(v);
    return ret(c, t ? hv_type(t) : hv_null());
}

int
hv_methods_invoke(const hv_value *v, const char *name, const hv_value *args, size_t n,
                  hv_value *out, hv_conv_err *err)
{
    call cc = {.name = name, .a = args, .n = n, .out = out, .err = err};
    call *c = &cc;
    if (v->kind == HV_NULL)
        return 0;
    if (v->kind == HV_OBJECT && hv_obj_class_of(v) && hv_obj_class_of(v)->call_method) {
        /* native-backed objects (XML nodes) have their own methods */
        int drc = hv_obj_class_of(v)->call_method(v, name, args, n, out, err->msg, sizeof err->msg);
        if (drc != 0)
            return drc;
    }
    if (IS("GetType") && v->kind != HV_TYPE)
        return get_type(c, v);
    int rc = 0;
    switch ((hv_kind)v->kind) {
    case HV_STRING:
        rc = str_members(c, v);
        break;
    case HV_ARRAY:
        rc = array_members(c, v);
        break;
    case HV_TABLE:
        rc = table_members(c, v);
        break;
    case HV_DATETIME:
        rc = dt_members(c, v);
        break;
    case HV_TIMESPAN:
        rc = ts_members(c, v);
        break;
    case HV_INT:
    case HV_DOUBLE:
        rc = num_members(c, v);
        break;
    case HV_BOOL:
        if (IS("ToBool") && c->n == 0) /* SwitchParameter.ToBool() (an unset switch is a plain $false) */
            rc = ret(c, hv_bool(v->u.b));
        break;
    case HV_TYPE:
        rc = type_members(c, v);
        if (!rc && IS("GetType"))
            rc = ret(c, hv_type(hv_type_lookup("System.Type")));
        /* a call through a type value with no such instance member reaches the type's
         * statics and constructors (New-Object calls ([type]).new(...) this way) */
        if (!rc)
            rc = hv_methods_invoke_static(v->u.t, name, args, n, out, err);
        break;
    case HV_BOXED: {
        const hv_boxed_class *bc = hv_boxed_class_of(v);
        if (bc == &hv_encoding_class)
            rc = encoding_members(c, v);
        else if (bc == &hv_version_class)
            rc = version_members(c, v);
        else if (bc == &hv_guid_class)
            rc = guid_members(c, v);
        else if (bc == &hv_ipaddress_class)
            rc = ip_members(c, v);
        else if (bc == &hv_regex_class)
            rc = regex_members(c, v);
        else if (bc == &sb_class)
            rc = sb_members(c, v);
        else if (bc == &sw_class)
            rc = sw_members(c, v);
        break;
    }
    default:
        break;
    }
    if (rc)
        return rc;
    if (v->kind == HV_OBJECT && hv_obj_class_of(v) == &pscred_class && (rc = credential_members(c, v)))
        return rc;
    if (comparer_kind(v) >= 0 && (IS("Equals") || IS("Compare")) && c->n == 2) {
        hv_value a = a_str(c, 0), b = a_str(c, 1);
        unsigned fl = comparer_kind(v) ? 0 : HV_OPF_CASE_SENSITIVE;
        rc = IS("Equals") ? ret(c, hv_bool(hv_op_equal(&a, &b, fl)))
                          : ret(c, hv_int(hv_op_compare(&a, &b, fl)));
        hv_unref(a);
        hv_unref(b);
        return rc;
    }
    if (v->kind == HV_ARRAY || v->kind == HV_TABLE || v->kind == HV_OBJECT ||
        v->kind == HV_SCRIPTBLOCK) {
        if (IS("ToString") && c->n == 0)
            return ret(c, v->kind == HV_OBJECT && hv_obj_class_of(v)
                              ? hv_conv_to_string(v, NULL)
                              : hv_str(v->kind == HV_OBJECT ? "" : hv_type_name_of(v)));
        if (IS("Equals") && c->n == 1)
            return ret(c, hv_bool(c->a[0].kind == v->kind && c->a[0].u.h == v->u.h));
        if (IS("GetHashCode") && c->n == 0)
            return ret(c, hv_int((int32_t)((uintptr_t)v->u.h >> 4)));
        return 0;
    }
    return simple_members(c, v);
}

/* ====================================================================== statics */

static bool
tis(const hv_type_info *t, const char *full)
{
    return strcmp(t->full_name, full) == 0;
}

/* A numeric argument as a number value (strings parsed). */
static bool
a_num(call *c, size_t i, hv_value *out)
{
    hv_conv_err e;
    if (hv_conv_to_number(&c->a[i], out, &e) && (out->kind == HV_INT || out->kind == HV_DOUBLE))
        return true;
    if (c->a[i].kind == HV_STRING && hv_conv_to_type(&c->a[i], hv_type_lookup("double"), out, &e))
        return true;
    arg_fail(c, i, "System.Double", &e);
    return false;
}

static double
round_mode(double x, int mode)
{
    switch (mode) {
    case 1: return round(x); /* AwayFromZero */
    case 2: return trunc(x);
    case 3: return floor(x);
    case 4: return ceil(x);
    default: return nearbyint(x);
    }
}

static int
midpoint_arg(const hv_value *v)
{
    if (v->kind == HV_ENUM)
        return v->aux;
    if (v->kind == HV_INT)
        return (int)v->u.i;
    int32_t x = 0;
    if (v->kind == HV_STRING)
        hv_enum_parse(&hv_enum_midpoint, hv_str_cstr(v), &x);
    return x;
}

static hv_value
num_like(double d, const hv_value *like)
{
    return like->kind == HV_DOUBLE && like->sub == HV_N_DECIMAL ? hv_doublek(d, HV_N_DECIMAL)
                                                                : hv_double(d);
}

static int
math_round(call *c)
{
    if (c->n < 1 || c->n > 3)
        return no_overload(c);
    hv_value x;
    if (!a_num(c, 0, &x))
        return -1;
    int64_t digits = 0;
    int mode = 0;
    if (c->n >= 2) {
        const hv_value *a1 = &c->a[1];
        if (a1->kind == HV_ENUM || (a1->kind == HV_STRING && !isdigit((unsigned char)hv_str_cstr(a1)[0])))
            mode = midpoint_arg(a1);
        else if (!a_int(c, 1, &digits))
            return -1;
    }
    if (c->n == 3)
        mode = midpoint_arg(&c->a[2]);
    if (digits < 0 || digits > 15)
        return throwf(c, "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')");
    double d = hv_conv_num_to_double(&x);
    if (x.kind == HV_INT && digits == 0)
        return ret(c, hv_double(d));
    double p = pow(10, (double)digits);
    double r = digits ? round_mode(d * p, mode) / p : round_mode(d, mode);
    if (digits && fabs(d) >= 1e16)
        r = d;
    return ret(c, num_like(r, &x));
}

static int
math_minmax(call *c, bool max)
{
    if (c->n != 2)
        return no_overload(c);
    hv_value a, b;
    if (!a_num(c, 0, &a) || !a_num(c, 1, &b))
        return -1;
    int cmp = hv_op_compare(&a, &b, 0);
    const hv_value *pick = (max ? cmp >= 0 : cmp <= 0) ? &a : &b;
    if (a.kind == HV_INT && b.kind == HV_INT) {
        bool wide = a.sub != b.sub || (a.sub != HV_N_INT32);
        return ret(c, wide && pick->sub != HV_N_UINT64 ? hv_long(pick->u.i) : *pick);
    }
    if (isnan(hv_conv_num_to_double(&a)) || isnan(hv_conv_num_to_double(&b)))
        return ret(c, hv_double(NAN));
    return ret(c, hv_double(hv_conv_num_to_double(pick)));
}

static int
math_static(call *c)
{
    if (IS("Round"))
        return math_round(c);
    if (IS("Max") || IS("Min"))
        return math_minmax(c, IS("Max"));
    if (IS("Abs") || IS("Floor") || IS("Ceiling") || IS("Truncate") || IS("Sign")) {
        if (c->n != 1)
            return no_overload(c);
        hv_value x;
        if (!a_num(c, 0, &x))
            return -1;
        if (IS("Sign")) {
            double d = hv_conv_num_to_double(&x);
            if (isnan(d))
                return throwf(c, "Function does not accept floating point Not-a-Number values.");
            return ret(c, hv_int(d > 0 ? 1 : d < 0 ? -1 : 0));
        }
        if (x.kind == HV_INT) {
            if (!IS("Abs"))
                return ret(c, hv_double((double)x.u.i));
            if ((x.sub == HV_N_INT32 && x.u.i == INT32_MIN) || (x.sub == HV_N_INT64 && x.u.i == INT64_MIN))
                return throwf(c, "Negating the minimum value of a twos complement number is invalid.");
            return ret(c, x.u.i < 0 && x.sub != HV_N_UINT64 ? hv_intk(-x.u.i, (hv_numkind)x.sub) : x);
        }
        double d = x.u.d;
        double r = IS("Abs") ? fabs(d) : IS("Floor") ? floor(d) : IS("Ceiling") ? ceil(d) : trunc(d);
        return ret(c, num_like(r, &x));
    }
    if (IS("Clamp") && c->n == 3) {
        hv_value v, lo, hi;
        if (!a_num(c, 0, &v) || !a_num(c, 1, &lo) || !a_num(c, 2, &hi))
            return -1;
        if (hv_op_compare(&lo, &hi, 0) > 0)
            return throwf(c, "'%s' cannot be greater than %s.", "min", "max");
        const hv_value *r = hv_op_compare(&v, &lo, 0) < 0 ? &lo : hv_op_compare(&v, &hi, 0) > 0 ? &hi : &v;
        return ret(c, *r);
    }
    if (IS("BigMul") && c->n == 2) {
        int64_t a, b;
        if (!a_int(c, 0, &a) || !a_int(c, 1, &b))
            return -1;
        return ret(c, hv_long(a * b));
    }
    static const struct {
        const char *name;
        double (*f1)(double);
    } f1[] = {
        {"Sqrt", sqrt}, {"Log10", log10}, {"Log2", log2}, {"Exp", exp}, {"Sin", sin},
        {"Cos", cos},   {"Tan", tan},     {"Asin", asin}, {"Acos", acos}, {"Atan", atan},
        {"Sinh", sinh}, {"Cosh", cosh},   {"Tanh", tanh}, {"Cbrt", cbrt},
    };
    for (size_t i = 0; i < sizeof f1 / sizeof f1[0]; i++) {
        if (IS(f1[i].name)) {
            double x;
            if (c->n != 1)
                return no_overload(c);
            if (!a_dbl(c, 0, &x))
                return -1;
            return ret(c, hv_double(f1[i].f1(x)));
        }
    }
    if (IS("Log")) {
        double x, b;
        if (c->n < 1 || c->n > 2)
            return no_overload(c);
        if (!a_dbl(c, 0, &x) || (c->n == 2 && !a_dbl(c, 1, &b)))
            return -1;
        return ret(c, hv_double(c->n == 2 ? log(x) / log(b) : log(x)));
    }
    if (IS("Pow") || IS("Atan2") || IS("IEEERemainder")) {
        double x, y;
        if (c->n != 2)
            return no_overload(c);
        if (!a_dbl(c, 0, &x) || !a_dbl(c, 1, &y))
            return -1;
        return ret(c, hv_double(IS("Pow") ? pow(x, y) : IS("Atan2") ? atan2(x, y) : remainder(x, y)));
    }
    return 0;
}

/* ---- [string] */

static hv_value
join_values(const hv_value *sep, const hv_value *items, size_t n)
{
    hv_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i && sep)
            hv_conv_append_string(&b, sep, NULL);
        if (items[i].kind == HV_ARRAY)
            hv_buf_puts(&b, "System.Object[]");
        else
            hv_conv_append_string(&b, &items[i], NULL);
    }
    return hv_buf_finish(&b);
}

static int
string_static(call *c)
{
    if (IS("IsNullOrEmpty") || IS("IsNullOrWhiteSpace")) {
        if (c->n != 1)
            return no_overload(c);
        if (c->a[0].kind == HV_NULL)
            return ret(c, hv_bool(true));
        hv_value s = a_str(c, 0);
        bool r = hv_str_len(&s) == 0;
        if (!r && IS("IsNullOrWhiteSpace")) {
            r = true;
            const char *p = hv_str_cstr(&s);
            for (size_t i = 0; i < hv_str_len(&s) && r;)
                r = is_space_cp(hv_utf8_next(p, hv_str_len(&s), &i));
        }
        hv_unref(s);
        return ret(c, hv_bool(r));
    }
    if (IS("Join")) {
        if (c->n < 2)
            return no_overload(c);
        if (c->n == 2 && c->a[1].kind == HV_ARRAY)
            return ret(c, join_values(&c->a[0], hv_array_items(&c->a[1]), hv_array_len(&c->a[1])));
        return ret(c, join_values(&c->a[0], c->a + 1, c->n - 1));
    }
    if (IS("Concat")) {
        if (c->n == 1 && c->a[0].kind == HV_ARRAY)
            return ret(c, join_values(NULL, hv_array_items(&c->a[0]), hv_array_len(&c->a[0])));
        return ret(c, join_values(NULL, c->a, c->n));
    }
    if (IS("Format") && c->n >= 2 && (is_culture(&c->a[0]) || c->a[0].kind == HV_NULL)) {
        call sc = {.name = c->name, .a = c->a + 1, .n = c->n - 1, .out = c->out, .err = c->err};
        return string_static(&sc);
    }
    if (IS("Format")) {
        if (c->n < 1)
            return no_overload(c);
        hv_value f = a_str(c, 0);
        hv_conv_err e;
        bool ok;
        if (c->n == 2 && c->a[1].kind == HV_ARRAY)
            ok = hv_conv_format(hv_str_cstr(&f), hv_array_items(&c->a[1]), hv_array_len(&c->a[1]), c->out, &e);
        else
            ok = hv_conv_format(hv_str_cstr(&f), c->a + 1, c->n - 1, c->out, &e);
        hv_unref(f);
        if (!ok) {
            const char *why = strncmp(e.msg, "Error formatting a string: ", 27) == 0 ? e.msg + 27 : e.msg;
            char tmp[400];
            snprintf(tmp, sizeof tmp, "%.390s", why);
            size_t tl = strlen(tmp);
            if (tl >= 2 && tmp[tl - 1] == '.' && tmp[tl - 2] == '.')
                tmp[tl - 1] = 0;
            return throwf(c, "%s", tmp);
        }
        return 1;
    }
    if (IS("Compare") || IS("CompareOrdinal")) {
        if (c->n < 2)
            return no_overload(c);
        if (c->a[0].kind == HV_NULL || c->a[1].kind == HV_NULL)
            return ret(c, hv_int(c->a[0].kind == c->a[1].kind ? 0 : c->a[0].kind == HV_NULL ? -1 : 1));
        hv_value a = a_str(c, 0), b = a_str(c, 1);
        int r;
        if (IS("CompareOrdinal")) {
            size_t al = hv_str_len(&a), bl = hv_str_len(&b);
            r = memcmp(hv_str_cstr(&a), hv_str_cstr(&b), al < bl ? al : bl);
            if (!r)
                r = al < bl ? -1 : al > bl;
        } else {
            bool ic = c->n >= 3 && a_ignore_case(&c->a[c->n - 1]);
            r = hv_op_compare(&a, &b, ic ? 0 : HV_OPF_CASE_SENSITIVE);
        }
        hv_unref(a);
        hv_unref(b);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    if (IS("Equals") && c->n >= 2) {
        if (c->a[0].kind == HV_NULL || c->a[1].kind == HV_NULL)
            return ret(c, hv_bool(c->a[0].kind == c->a[1].kind));
        hv_value a = a_str(c, 0), b = a_str(c, 1);
        bool ic = c->n == 3 && a_ignore_case(&c->a[2]);
        bool r = hv_op_equal(&a, &b, ic ? 0 : HV_OPF_CASE_SENSITIVE);
        hv_unref(a);
        hv_unref(b);
        return ret(c, hv_bool(r));
    }
    if (IS("new")) {
        if (c->n == 2) {
            hv_value ch;
            hv_conv_err e;
            int64_t k;
            if (!hv_conv_to_type(&c->a[0], hv_type_lookup("char"), &ch, &e))
                return arg_fail(c, 0, "System.Char", &e);
            if (!a_int(c, 1, &k))
                return -1;
            if (k < 0)
                return throwf(c, "Count cannot be less than zero. (Parameter 'count')");
            hv_buf b = {0};
            char u[4];
            size_t ul = hv_utf8_put(u, (uint32_t)ch.u.i);
            for (int64_t i = 0; i < k; i++)
                hv_buf_put(&b, u, ul);
            return ret(c, hv_buf_finish(&b));
        }
        if (c->n == 1) {
            if (c->a[0].kind == HV_ARRAY)
                return ret(c, join_values(NULL, hv_array_items(&c->a[0]), hv_array_len(&c->a[0])));
            return ret(c, a_str(c, 0));
        }
        return no_overload(c);
    }
    return 0;
}

/* ---- TryParse(s, [ref]$x): true/false, the value (or the type's default) into the ref */

static bool
is_ref(const hv_value *v)
{
    return v->kind == HV_OBJECT && hv_obj_class_of(v) == &hv_psreference_class;
}

static int
try_parse(call *c, const hv_type_info *t)
{
    if (c->n != 2 || !is_ref(&c->a[1]))
        return no_overload(c);
    hv_value parsed;
    int rc = hv_methods_invoke_static(t, "Parse", c->a, 1, &parsed, NULL);
    hv_value dflt = hv_null();
    if (t->kind == HV_INT || t->kind == HV_DOUBLE) {
        hv_value zero = hv_int(0);
        hv_conv_to_type(&zero, t, &dflt, NULL);
    } else if (t->kind == HV_DATETIME) {
        dflt = hv_datetime(0, HV_DT_UNSPECIFIED);
    } else if (t->kind == HV_TIMESPAN) {
        dflt = hv_timespan(0);
    } else if (t->kind == HV_BOOL) {
        dflt = hv_bool(false);
    }
    hv_value ref = c->a[1];
    if (rc == 1) {
        hv_unref(dflt);
        hv_obj_set(&ref, "Value", parsed);
    } else {
        hv_obj_set(&ref, "Value", dflt);
    }
    return ret(c, hv_bool(rc == 1));
}

/* ---- numeric types */

static int
numeric_static(call *c, const hv_type_info *t)
{
    if (IS("Parse") && c->n >= 1) {
        hv_value s = a_str(c, 0);
        hv_value out;
        hv_conv_err e;
        /* .NET Parse: no hex, no multipliers; surrounding white space allowed */
        bool ok = false;
        const char *p = hv_str_cstr(&s);
        bool plain = true;
        for (const char *q = p; *q; q++)
            if (!(isdigit((unsigned char)*q) || *q == '-' || *q == '+' || *q == '.' || *q == 'e' ||
                  *q == 'E' || *q == ',' || isspace((unsigned char)*q)))
                plain = false;
        if (plain && *p) {
            hv_buf clean = {0};
            for (const char *q = p; *q; q++)
                if (*q != ',')
                    hv_buf_putc(&clean, *q);
            hv_value cs = hv_buf_finish(&clean);
            bool is_int = t->kind == HV_INT;
            if (is_int && (strchr(hv_str_cstr(&cs), '.') || strchr(hv_str_cstr(&cs), 'e') ||
                           strchr(hv_str_cstr(&cs), 'E'))) {
                ok = false;
            } else {
                ok = hv_conv_to_type(&cs, t, &out, &e);
            }
            hv_unref(cs);
        }
        int rc;
        if (ok) {
            rc = ret(c, out);
        } else if (plain && *p && strstr(e.msg, "too large")) {
            const char *why = strstr(e.msg, "Error: \"");
            char tmp[200];
            snprintf(tmp, sizeof tmp, "%.190s", why ? why + 8 : e.msg);
            if (tmp[0] && tmp[strlen(tmp) - 1] == '"')
                tmp[strlen(tmp) - 1] = 0;
            rc = throwf(c, "%s", tmp);
        } else {
            rc = throwf(c, "The input string '%s' was not in a correct format.", p);
        }
        hv_unref(s);
        return rc;
    }
    if (t->kind == HV_DOUBLE && (IS("IsNaN") || IS("IsInfinity") || IS("IsPositiveInfinity") ||
                                 IS("IsNegativeInfinity") || IS("IsFinite"))) {
        double d;
        if (c->n != 1)
            return no_overload(c);
        if (!a_dbl(c, 0, &d))
            return -1;
        bool r = IS("IsNaN") ? isnan(d) : IS("IsInfinity") ? isinf(d) != 0
               : IS("IsPositiveInfinity") ? (isinf(d) && d > 0)
               : IS("IsNegativeInfinity") ? (isinf(d) && d < 0) : isfinite(d);
        return ret(c, hv_bool(r));
    }
    return 0;
}

static bool
numeric_static_property(const hv_type_info *t, const char *name, hv_value *out)
{
    bool max = hv_str_eq_ci(name, "MaxValue");
    if (!max && !hv_str_eq_ci(name, "MinValue")) {
        if (t->kind == HV_DOUBLE && t->sub != HV_N_DECIMAL) {
            bool f = t->sub == HV_N_FLOAT;
            hv_numkind k = (hv_numkind)t->sub;
            if (hv_str_eq_ci(name, "NaN"))
                *out = hv_doublek(NAN, k);
            else if (hv_str_eq_ci(name, "PositiveInfinity"))
                *out = hv_doublek(INFINITY, k);
            else if (hv_str_eq_ci(name, "NegativeInfinity"))
                *out = hv_doublek(-INFINITY, k);
            else if (hv_str_eq_ci(name, "Epsilon"))
                *out = hv_doublek(f ? 1.401298464324817e-45 : 4.9406564584124654e-324, k);
            else
                return false;
            return true;
        }
        return false;
    }
    switch (t->kind) {
    case HV_INT:
        switch (t->sub) {
        case HV_N_INT32: *out = hv_int(max ? INT32_MAX : INT32_MIN); break;
        case HV_N_INT64: *out = hv_long(max ? INT64_MAX : INT64_MIN); break;
        case HV_N_BYTE: *out = hv_intk(max ? 255 : 0, HV_N_BYTE); break;
        case HV_N_SBYTE: *out = hv_intk(max ? 127 : -128, HV_N_SBYTE); break;
        case HV_N_INT16: *out = hv_intk(max ? 32767 : -32768, HV_N_INT16); break;
        case HV_N_UINT16: *out = hv_intk(max ? 65535 : 0, HV_N_UINT16); break;
        case HV_N_UINT32: *out = hv_intk(max ? 4294967295LL : 0, HV_N_UINT32); break;
        case HV_N_UINT64: *out = max ? hv_uint64(UINT64_MAX) : hv_uint64(0); break;
        default: return false;
        }
        return true;
    case HV_DOUBLE:
        if (t->sub == HV_N_FLOAT)
            *out = hv_doublek(max ? 3.4028234663852886e38 : -3.4028234663852886e38, HV_N_FLOAT);
        else if (t->sub == HV_N_DECIMAL)
            *out = hv_doublek(max ? 79228162514264337593543950335.0 : -79228162514264337593543950335.0, HV_N_DECIMAL);
        else
            *out = hv_double(max ? 1.7976931348623157e308 : -1.7976931348623157e308);
        return true;
    case HV_CHAR:
        *out = hv_char(max ? 0xFFFF : 0);
        return true;
    case HV_DATETIME:
        *out = hv_datetime(max ? dt_max_ticks : 0, HV_DT_UNSPECIFIED);
        return true;
    case HV_TIMESPAN:
        *out = hv_timespan(max ? INT64_MAX : INT64_MIN);
        return true;
    default:
        return false;
    }
}

/* ---- [char] */

static bool
a_char(call *c, size_t i, uint32_t *cp)
{
    hv_value ch;
    hv_conv_err e;
    if (!hv_conv_to_type(&c->a[i], hv_type_lookup("char"), &ch, &e)) {
        arg_fail(c, i, "System.Char", &e);
        return false;
    }
    *cp = (uint32_t)ch.u.i;
    return true;
}

static bool
is_letter_cp(uint32_t c)
{
    if (c < 0x80)
        return isalpha((int)c);
    return hv_uc_lower(c) != hv_uc_upper(c) || (c >= 0xAA && c != 0xD7 && c != 0xF7 && c < 0x2000) ||
           (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

static int
char_static(call *c)
{
    static const char *const preds[] = {"IsDigit", "IsLetter", "IsWhiteSpace", "IsUpper", "IsLower",
                                        "IsLetterOrDigit", "IsPunctuation", "IsControl",
                                        "IsNumber", "IsSymbol", "IsAscii", "IsSeparator"};
    for (size_t k = 0; k < sizeof preds / sizeof preds[0]; k++) {
        if (!IS(preds[k]))
            continue;
        uint32_t cp;
        if (c->n == 2) {
            hv_value s = a_str(c, 0);
            int64_t idx;
            if (!a_int(c, 1, &idx)) {
                hv_unref(s);
                return -1;
            }
            size_t n;
            uint32_t *cps = codepoints(hv_str_cstr(&s), hv_str_len(&s), &n);
            hv_unref(s);
            if (idx < 0 || (size_t)idx >= n) {
                free(cps);
                return throwf(c, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
            }
            cp = cps[idx];
            free(cps);
        } else if (c->n != 1) {
            return no_overload(c);
        } else if (!a_char(c, 0, &cp)) {
            return -1;
        }
        bool r;
        switch (k) {
        case 0: r = cp >= '0' && cp <= '9'; break;
        case 1: r = is_letter_cp(cp); break;
        case 2: r = is_space_cp(cp); break;
        case 3: r = hv_uc_lower(cp) != cp; break;
        case 4: r = hv_uc_upper(cp) != cp; break;
        case 5: r = is_letter_cp(cp) || (cp >= '0' && cp <= '9'); break;
        case 6: r = cp < 0x80 && ispunct((int)cp) && !strchr("$+<=>^`|~", (int)cp); break;
        case 7: r = cp < 0x20 || (cp >= 0x7F && cp < 0xA0); break;
        case 8: r = cp >= '0' && cp <= '9'; break;
        case 9: r = cp < 0x80 && strchr("$+<=>^`|~", (int)cp) && cp; break;
        case 10: r = cp < 0x80; break;
        default: r = cp == ' ' || cp == 0xA0; break;
        }
        return ret(c, hv_bool(r));
    }
    if ((IS("ToUpper") || IS("ToLower") || IS("ToUpperInvariant") || IS("ToLowerInvariant")) && c->n == 1) {
        uint32_t cp;
        if (!a_char(c, 0, &cp))
            return -1;
        return ret(c, hv_char(IS("ToUpper") || IS("ToUpperInvariant") ? hv_uc_upper(cp) : hv_uc_lower(cp)));
    }
    if (IS("ConvertFromUtf32") && c->n == 1) {
        int64_t x;
        if (!a_int(c, 0, &x))
            return -1;
        if (x < 0 || x > 0x10FFFF || (x >= 0xD800 && x <= 0xDFFF))
            return throwf(c, "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). (Parameter 'utf32')");
        char u[4];
        return ret(c, hv_strn(u, hv_utf8_put(u, (uint32_t)x)));
    }
    if (IS("ConvertToUtf32") && c->n == 2) {
        hv_value s = a_str(c, 0);
        int64_t idx;
        if (!a_int(c, 1, &idx)) {
            hv_unref(s);
            return -1;
        }
        size_t n;
        uint32_t *cps = codepoints(hv_str_cstr(&s), hv_str_len(&s), &n);
        hv_unref(s);
        int rc = idx >= 0 && (size_t)idx < n ? ret(c, hv_int((int32_t)cps[idx]))
                                               : throwf(c, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')");
        free(cps);
        return rc;
    }
    if (IS("GetNumericValue") && c->n == 1) {
        uint32_t cp;
        if (!a_char(c, 0, &cp))
            return -1;
        return ret(c, hv_double(cp >= '0' && cp <= '9' ? (double)(cp - '0') : -1.0));
    }
    return 0;
}

/* ---- [datetime] */

/* ParseExact with a custom (or one-letter standard) format, invariant/en-US names. */
static bool
parse_exact(const char *s, const char *fmt, int64_t *ticks)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December"};
    static const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static const struct {
        char c;
        const char *f;
    } std[] = {{'d', "M/d/yyyy"}, {'D', "dddd, MMMM d, yyyy"}, {'t', "h:mm tt"}, {'T', "h:mm:ss tt"},
               {'g', "M/d/yyyy h:mm tt"}, {'G', "M/d/yyyy h:mm:ss tt"}, {'s', "yyyy-MM-ddTHH:mm:ss"},
               {'u', "yyyy-MM-dd HH:mm:ssZ"}, {'o', "yyyy-MM-ddTHH:mm:ss.fffffffK"}};
    if (fmt[0] && !fmt[1])
        for (size_t i = 0; i < sizeof std / sizeof std[0]; i++)
            if (std[i].c == fmt[0])
                fmt = std[i].f;
    int y = 1, mo = 1, d = 1, h = 0, mi = 0, sec = 0, pm = -1;
    int64_t frac = 0;
    const char *p = s;
    for (const char *f = fmt; *f;) {
        char fc = *f;
        int n = 0;
        while (f[n] == fc)
            n++;
        if (fc == '\'' || fc == '"') {
            const char *e = strchr(f + 1, fc);
            size_t l = e ? (size_t)(e - f - 1) : strlen(f + 1);
            if (strncmp(p, f + 1, l) != 0)
                return false;
            p += l;
            f += l + (e ? 2 : 1);
            continue;
        }
        if (fc == '\\' && f[1]) {
            if (*p != f[1])
                return false;
            p++;
            f += 2;
            continue;
        }
        if (strchr("yMdHhmsfFt", fc) && !((fc == 'M' || fc == 'd') && n >= 3) && fc != 't') {
            int maxd = fc == 'y' ? (n <= 2 ? 2 : 4) : (fc == 'f' || fc == 'F') ? n : 2;
            int mind = (fc == 'f') ? n : (n >= 2 ? (fc == 'y' && n > 2 ? n : 2) : 1);
            long v = 0;
            int k = 0;
            while (k < maxd && isdigit((unsigned char)p[k]))
                v = v * 10 + (p[k] - '0'), k++;
            if (k < mind || k == 0)
                return false;
            p += k;
            switch (fc) {
            case 'y': y = n <= 2 ? (int)(v < 50 ? 2000 + v : 1900 + v) : (int)v; break;
            case 'M': mo = (int)v; break;
            case 'd': d = (int)v; break;
            case 'H': h = (int)v; break;
            case 'h': h = (int)v % 12; pm = pm < 0 ? 0 : pm; break;
            case 'm': mi = (int)v; break;
            case 's': sec = (int)v; break;
            default:
                frac = v;
                for (int z = k; z < 7; z++)
                    frac *= 10;
                break;
            }
            f += n;
            continue;
        }
        if (fc == 't') {
            if (strncasecmp(p, "AM", 2) == 0 || strncasecmp(p, "PM", 2) == 0) {
                pm = toupper((unsigned char)*p) == 'P';
                p += n >= 2 ? 2 : 1;
            } else {
                return false;
            }
            f += n;
            continue;
        }
        if ((fc == 'M' || fc == 'd') && n >= 3) {
            const char *const *names = fc == 'M' ? months : days;
            int cnt = fc == 'M' ? 12 : 7, found = -1;
            for (int i = 0; i < cnt && found < 0; i++) {
                size_t l = n == 3 ? 3 : strlen(names[i]);
                if (strncasecmp(p, names[i], l) == 0) {
                    found = i;
                    p += l;
                }
            }
            if (found < 0)
                return false;
            if (fc == 'M')
                mo = found + 1;
            f += n;
            continue;
        }
        if (fc == 'K' || fc == 'z') {
            if (*p == 'Z')
                p++;
            else if (*p == '+' || *p == '-') {
                p++;
                while (isdigit((unsigned char)*p) || *p == ':')
                    p++;
            }
            f += n;
            continue;
        }
        if (*p != fc)
            return false;
        p++;
        f++;
    }
    if (*p)
        return false;
    if (pm == 1)
        h += 12;
    return hv_dt_make(y, mo, d, h, mi, sec, frac, ticks);
}

static int
datetime_static(call *c)
{
    if (IS("Parse") && c->n >= 1) {
        hv_value s = a_str(c, 0);
        int64_t t;
        hv_dtkind k;
        int rc = hv_dt_parse(hv_str_cstr(&s), &t, &k)
                     ? ret(c, hv_datetime(t, k))
                     : throwf(c, "String '%s' was not recognized as a valid DateTime.", hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    if (IS("ParseExact") && c->n >= 2) {
        hv_value s = a_str(c, 0);
        bool ok = false;
        int64_t t = 0;
        if (c->a[1].kind == HV_ARRAY) {
            for (size_t i = 0; i < hv_array_len(&c->a[1]) && !ok; i++) {
                hv_value f = hv_conv_to_string(hv_array_at(&c->a[1], i), NULL);
                ok = parse_exact(hv_str_cstr(&s), hv_str_cstr(&f), &t);
                hv_unref(f);
            }
        } else {
            hv_value f = a_str(c, 1);
            ok = parse_exact(hv_str_cstr(&s), hv_str_cstr(&f), &t);
            hv_unref(f);
        }
        int rc = ok ? ret(c, hv_datetime(t, HV_DT_UNSPECIFIED))
                    : throwf(c, "String '%s' was not recognized as a valid DateTime.", hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    if ((IS("DaysInMonth") && c->n == 2) || (IS("IsLeapYear") && c->n == 1)) {
        int64_t y, m = 1;
        if (!a_int(c, 0, &y) || (c->n == 2 && !a_int(c, 1, &m)))
            return -1;
        if (y < 1 || y > 9999)
            return throwf(c, "Year must be between 1 and 9999. (Parameter 'year')");
        if (IS("IsLeapYear"))
            return ret(c, hv_bool(hv_dt_days_in_month((int)y, 2) == 29));
        if (m < 1 || m > 12)
            return throwf(c, "Month must be between one and twelve. (Parameter 'month')");
        return ret(c, hv_int(hv_dt_days_in_month((int)y, (int)m)));
    }
    if (IS("new")) {
        if (c->n == 1) {
            int64_t t;
            if (!a_int(c, 0, &t))
                return -1;
            return dt_result(c, t, HV_DT_UNSPECIFIED);
        }
        if (c->n != 3 && c->n != 6 && c->n != 7)
            return no_overload(c);
        int64_t p[7] = {1, 1, 1, 0, 0, 0, 0};
        for (size_t i = 0; i < c->n; i++)
            if (!a_int(c, i, &p[i]))
                return -1;
        int64_t t;
        if (!hv_dt_make((int)p[0], (int)p[1], (int)p[2], (int)p[3], (int)p[4], (int)p[5], p[6] * 10000, &t) || p[6] < 0 || p[6] > 999)
            return throwf(c, "Year, Month, and Day parameters describe an un-representable DateTime.");
        return ret(c, hv_datetime(t, HV_DT_UNSPECIFIED));
    }
    if (IS("SpecifyKind") && c->n == 2 && c->a[0].kind == HV_DATETIME) {
        hv_value k;
        hv_conv_err e;
        if (!hv_conv_to_type(&c->a[1], hv_type_lookup("System.DateTimeKind"), &k, &e))
            return arg_fail(c, 1, "System.DateTimeKind", &e);
        return ret(c, hv_datetime(c->a[0].u.i, (hv_dtkind)k.aux));
    }
    if ((IS("FromFileTime") || IS("FromFileTimeUtc")) && c->n == 1) {
        int64_t ft;
        if (!a_int(c, 0, &ft))
            return -1;
        int64_t utc = ft + 504911232000000000LL;
        if (IS("FromFileTimeUtc"))
            return ret(c, hv_datetime(utc, HV_DT_UTC));
        return ret(c, hv_datetime(utc + hv_dt_local_offset(utc) * HV_TICKS_PER_SEC, HV_DT_LOCAL));
    }
    if (IS("Compare") && c->n == 2) {
        int r = hv_op_compare(&c->a[0], &c->a[1], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    return 0;
}

static bool
datetime_static_property(const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "Now"))
        *out = hv_datetime(hv_dt_now_ticks(HV_DT_LOCAL), HV_DT_LOCAL);
    else if (hv_str_eq_ci(name, "UtcNow"))
        *out = hv_datetime(hv_dt_now_ticks(HV_DT_UTC), HV_DT_UTC);
    else if (hv_str_eq_ci(name, "Today")) {
        int64_t t = hv_dt_now_ticks(HV_DT_LOCAL);
        *out = hv_datetime(t - t % HV_TICKS_PER_DAY, HV_DT_LOCAL);
    } else if (hv_str_eq_ci(name, "UnixEpoch"))
        *out = hv_datetime(HV_UNIX_EPOCH_TICKS, HV_DT_UTC);
    else
        return false;
    return true;
}

/* ---- [timespan] */

static int
timespan_static(call *c)
{
    static const struct {
        const char *name;
        double unit;
    } from[] = {
        {"FromDays", 864000000000.0}, {"FromHours", 36000000000.0}, {"FromMinutes", 600000000.0},
        {"FromSeconds", 10000000.0},  {"FromMilliseconds", 10000.0}, {"FromMicroseconds", 10.0},
        {"FromTicks", 1.0},
    };
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        if (IS(from[i].name)) {
            double x;
            if (c->n != 1)
                return no_overload(c);
            if (!a_dbl(c, 0, &x))
                return -1;
            double t = x * from[i].unit;
            if (isnan(x))
                return throwf(c, "TimeSpan does not accept floating point Not-a-Number values.");
            if (t > 9.2e18 || t < -9.2e18)
                return throwf(c, "TimeSpan overflowed because the duration is too long.");
            return ret(c, hv_timespan((int64_t)llround(t)));
        }
    }
    if (IS("Parse") && c->n >= 1) {
        hv_value s = a_str(c, 0);
        int64_t t;
        int rc = hv_ts_parse(hv_str_cstr(&s), &t) ? ret(c, hv_timespan(t))
                                                  : throwf(c, "String '%s' was not recognized as a valid TimeSpan.", hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    if (IS("new")) {
        int64_t p[5] = {0};
        if (c->n == 0)
            return ret(c, hv_timespan(0));
        if (c->n > 5 || c->n == 2)
            return no_overload(c);
        for (size_t i = 0; i < c->n; i++)
            if (!a_int(c, i, &p[i]))
                return -1;
        if (c->n == 1)
            return ret(c, hv_timespan(p[0]));
        int64_t d = 0, h, m, s, ms = 0;
        if (c->n == 3) {
            h = p[0], m = p[1], s = p[2];
        } else {
            d = p[0], h = p[1], m = p[2], s = p[3];
            if (c->n == 5)
                ms = p[4];
        }
        return ret(c, hv_timespan((((d * 24 + h) * 60 + m) * 60 + s) * HV_TICKS_PER_SEC + ms * 10000));
    }
    if (IS("Compare") && c->n == 2) {
        int r = hv_op_compare(&c->a[0], &c->a[1], 0);
        return ret(c, hv_int(r < 0 ? -1 : r > 0));
    }
    return 0;
}

/* ---- [guid] */

static void
random_bytes(unsigned char *p, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    if (fd >= 0) {
        while (got < n) {
            ssize_t r = read(fd, p + got, n - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        close(fd);
    }
    for (; got < n; got++)
        p[got] = (unsigned char)rand();
}

static int
guid_static(call *c)
{
    if (IS("NewGuid") && c->n == 0) {
        unsigned char g[16];
        random_bytes(g, 16);
        g[6] = (unsigned char)((g[6] & 0x0F) | 0x40);
        g[8] = (unsigned char)((g[8] & 0x3F) | 0x80);
        return ret(c, hv_guid_new(g));
    }
    if ((IS("Parse") || IS("new")) && c->n == 1) {
        hv_value s = a_str(c, 0);
        unsigned char g[16];
        int rc = hv_guid_parse(hv_str_cstr(&s), g)
                     ? ret(c, hv_guid_new(g))
                     : throwf(c, "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        hv_unref(s);
        return rc;
    }
    return 0;
}

/* ---- [System.IO.Path] */

static bool
is_sep(char ch)
{
    return ch == '/';
}

static hv_value
path_combine(call *c, bool join)
{
    hv_buf b = {0};
    const hv_value *items = c->a;
    size_t n = c->n;
    if (n == 1 && c->a[0].kind == HV_ARRAY) {
        items = hv_array_items(&c->a[0]);
        n = hv_array_len(&c->a[0]);
    }
    for (size_t i = 0; i < n; i++) {
        if (items[i].kind == HV_NULL)
            continue;
        hv_value s = hv_conv_to_string(&items[i], NULL);
        const char *p = hv_str_cstr(&s);
        if (*p) {
            if (!join && is_sep(*p))
                b.len = 0;
            else if (b.len && !is_sep(b.data[b.len - 1]) && !(join && is_sep(*p)))
                hv_buf_putc(&b, '/');
            hv_buf_puts(&b, p);
        }
        hv_unref(s);
    }
    return hv_buf_finish(&b);
}

static const char *
file_name_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static hv_value
normalize_path(const char *path)
{
    /* resolve "." and ".." segments of an absolute path */
    size_t n = 0;
    char **seg = hv_xmalloc((strlen(path) / 2 + 2) * sizeof *seg);
    char *copy = hv_xstrdup(path), *save = NULL;
    for (char *t = strtok_r(copy, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
        if (strcmp(t, ".") == 0)
            continue;
        if (strcmp(t, "..") == 0) {
            if (n)
                n--;
            continue;
        }
        seg[n++] = t;
    }
    hv_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        hv_buf_putc(&b, '/');
        hv_buf_puts(&b, seg[i]);
    }
    size_t pl = strlen(path);
    if (n && pl > 1 && path[pl - 1] == '/')
        hv_buf_putc(&b, '/');
    if (!b.len)
        hv_buf_putc(&b, '/');
    free(copy);
    free(seg);
    return hv_buf_finish(&b);
}

static hv_value
full_path(const char *p)
{
    if (*p == '/')
        return normalize_path(p);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, "/");
    char *joined = hv_xasprintf("%s/%s", cwd, p);
    hv_value r = normalize_path(joined);
    free(joined);
    return r;
}

static const char *
temp_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

static int
path_static(call *c)
{
    if (IS("Combine") || IS("Join")) {
        if (c->n == 0)
            return no_overload(c);
        for (size_t i = 0; i < c->n && IS("Combine"); i++)
            if (c->a[i].kind == HV_NULL)
                return throwf(c, "Value cannot be null. (Parameter 'path%zu')", i + 1);
        return ret(c, path_combine(c, IS("Join")));
    }
    if (IS("GetTempPath") && c->n == 0) {
        const char *t = temp_dir();
        return ret(c, hv_strf("%s%s", t, t[strlen(t) - 1] == '/' ? "" : "/"));
    }
    if (IS("GetTempFileName") && c->n == 0) {
        char *tmpl = hv_xasprintf("%s/tmpXXXXXX.tmp", temp_dir());
        int fd = mkstemps(tmpl, 4);
        if (fd < 0) {
            int rc = throwf(c, "%s", strerror(errno));
            free(tmpl);
            return rc;
        }
        close(fd);
        return ret(c, hv_str_take(tmpl));
    }
    if (IS("GetRandomFileName") && c->n == 0) {
        static const char al[] = "abcdefghijklmnopqrstuvwxyz012345";
        unsigned char r[11];
        random_bytes(r, sizeof r);
        char name[13];
        for (int i = 0, k = 0; i < 12; i++)
            name[i] = i == 8 ? '.' : al[r[k++] & 31];
        name[12] = 0;
        return ret(c, hv_str(name));
    }
    if (IS("GetInvalidFileNameChars") || IS("GetInvalidPathChars")) {
        hv_value a = hv_array_new(2);
        hv_array_push(&a, hv_char(0));
        if (IS("GetInvalidFileNameChars"))
            hv_array_push(&a, hv_char('/'));
        return ret(c, a);
    }
    if (c->n < 1)
        return 0;
    if (c->a[0].kind == HV_NULL && (IS("GetFileName") || IS("GetExtension") || IS("GetDirectoryName") ||
                                    IS("GetFileNameWithoutExtension") || IS("ChangeExtension")))
        return ret(c, hv_null());
    hv_value ps = a_str(c, 0);
    const char *p = hv_str_cstr(&ps);
    const char *fname = file_name_of(p);
    const char *dot = strrchr(fname, '.');
    int rc = 0;
    if (IS("GetFileName")) {
        rc = ret(c, hv_str(fname));
    } else if (IS("GetFileNameWithoutExtension")) {
        rc = ret(c, dot ? hv_strn(fname, (size_t)(dot - fname)) : hv_str(fname));
    } else if (IS("GetExtension")) {
        rc = ret(c, dot && dot[1] ? hv_str(dot) : hv_str_empty());
    } else if (IS("HasExtension")) {
        rc = ret(c, hv_bool(dot && dot[1]));
    } else if (IS("GetDirectoryName")) {
        const char *sl = strrchr(p, '/');
        if (!*p || strcmp(p, "/") == 0)
            rc = ret(c, hv_null());
        else if (!sl)
            rc = ret(c, hv_str_empty());
        else {
            size_t l = (size_t)(sl - p);
            while (l > 1 && p[l - 1] == '/')
                l--;
            rc = ret(c, hv_strn(p, l ? l : 1));
        }
    } else if (IS("IsPathRooted") || IS("IsPathFullyQualified")) {
        rc = ret(c, hv_bool(*p == '/'));
    } else if (IS("GetPathRoot")) {
        rc = ret(c, hv_str(*p == '/' ? "/" : ""));
    } else if (IS("GetFullPath")) {
        rc = *p ? ret(c, full_path(p)) : throwf(c, "The path is empty. (Parameter 'path')");
    } else if (IS("ChangeExtension") && c->n == 2) {
        size_t stem = dot ? (size_t)(dot - p) : strlen(p);
        if (c->a[1].kind == HV_NULL) {
            rc = ret(c, hv_strn(p, stem));
        } else {
            hv_value e = a_str(c, 1);
            const char *es = hv_str_cstr(&e);
            rc = ret(c, hv_strf("%.*s%s%s", (int)stem, p, *es == '.' || !*es ? "" : ".", es));
            hv_unref(e);
        }
    } else if (IS("EndsInDirectorySeparator")) {
        rc = ret(c, hv_bool(*p && p[strlen(p) - 1] == '/'));
    } else if (IS("TrimEndingDirectorySeparator")) {
        size_t l = strlen(p);
        rc = ret(c, l > 1 && p[l - 1] == '/' ? hv_strn(p, l - 1) : hv_ref(&ps));
    } else if (IS("GetRelativePath") && c->n == 2) {
        hv_value to = a_str(c, 1);
        hv_value a = full_path(p), b = full_path(hv_str_cstr(&to));
        const char *x = hv_str_cstr(&a), *y = hv_str_cstr(&b);
        size_t common = 0, i = 0;
        for (; x[i] && x[i] == y[i]; i++)
            if (x[i] == '/')
                common = i;
        if (!x[i] && (y[i] == '/' || !y[i]))
            common = i;
        if (!y[i] && x[i] == '/')
            common = i;
        hv_buf r = {0};
        for (const char *q = x + common; *q; q++)
            if (*q == '/' && q[1])
                hv_buf_puts(&r, r.len ? "/.." : "..");
        const char *rest = y + common;
        if (*rest == '/')
            rest++;
        if (*rest) {
            if (r.len)
                hv_buf_putc(&r, '/');
            hv_buf_puts(&r, rest);
        }
        if (!r.len)
            hv_buf_putc(&r, '.');
        hv_unref(a);
        hv_unref(b);
        hv_unref(to);
        rc = ret(c, hv_buf_finish(&r));
    }
    hv_unref(ps);
    return rc;
}

static bool
path_static_property(const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "DirectorySeparatorChar") || hv_str_eq_ci(name, "AltDirectorySeparatorChar") ||
        hv_str_eq_ci(name, "VolumeSeparatorChar"))
        *out = hv_char('/');
    else if (hv_str_eq_ci(name, "PathSeparator"))
        *out = hv_char(':');
    else
        return false;
    return true;
}

/* ---- [Environment] */

static const hv_obj_class os_class = {.type_name = "System.OperatingSystem"};

static hv_value
os_version(void)
{
    struct utsname u;
    uname(&u);
    int a = 0, b = 0, cc = 0;
    sscanf(u.release, "%d.%d.%d", &a, &b, &cc);
    hv_value o = hv_obj_new(&os_class);
    hv_obj_set(&o, "Platform", hv_str("Unix"));
    hv_obj_set(&o, "ServicePack", hv_str_empty());
    hv_obj_set(&o, "Version", hv_version_new(a, b, cc, -1));
    hv_obj_set(&o, "VersionString", hv_strf("Unix %d.%d.%d", a, b, cc));
    return o;
}

static hv_value
user_name(void)
{
    struct passwd *pw = getpwuid(geteuid());
    if (pw && pw->pw_name)
        return hv_str(pw->pw_name);
    const char *u = getenv("USER");
    return hv_str(u ? u : "");
}

static hv_value
machine_name(void)
{
    char host[256] = "";
    gethostname(host, sizeof host - 1);
    char *dot = strchr(host, '.');
    if (dot)
        *dot = 0;
    return hv_str(host);
}

static bool
env_static_property(const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "NewLine"))
        *out = hv_str("\n");
    else if (hv_str_eq_ci(name, "MachineName") || hv_str_eq_ci(name, "UserDomainName"))
        *out = machine_name();
    else if (hv_str_eq_ci(name, "UserName"))
        *out = user_name();
    else if (hv_str_eq_ci(name, "OSVersion"))
        *out = os_version();
    else if (hv_str_eq_ci(name, "ProcessorCount"))
        *out = hv_int((int32_t)sysconf(_SC_NPROCESSORS_ONLN));
    else if (hv_str_eq_ci(name, "Is64BitOperatingSystem") || hv_str_eq_ci(name, "Is64BitProcess"))
        *out = hv_bool(sizeof(void *) == 8);
    else if (hv_str_eq_ci(name, "CurrentDirectory")) {
        char cwd[4096];
        *out = hv_str(getcwd(cwd, sizeof cwd) ? cwd : "/");
    } else if (hv_str_eq_ci(name, "ProcessId"))
        *out = hv_int((int32_t)getpid());
    else if (hv_str_eq_ci(name, "TickCount") || hv_str_eq_ci(name, "TickCount64")) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        int64_t ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
        *out = hv_str_eq_ci(name, "TickCount") ? hv_int((int32_t)ms) : hv_long(ms);
    } else if (hv_str_eq_ci(name, "SystemPageSize"))
        *out = hv_int((int32_t)sysconf(_SC_PAGESIZE));
    else if (hv_str_eq_ci(name, "Version"))
        *out = hv_version_new(8, 0, 0, -1);
    else if (hv_str_eq_ci(name, "HasShutdownStarted") || hv_str_eq_ci(name, "UserInteractive"))
        *out = hv_bool(hv_str_eq_ci(name, "UserInteractive") && isatty(0));
    else if (hv_str_eq_ci(name, "CurrentManagedThreadId"))
        *out = hv_int(1);
    else if (hv_str_eq_ci(name, "SystemDirectory"))
        *out = hv_str_empty();
    else
        return false;
    return true;
}

static hv_value
folder_path(const char *f)
{
    const char *home = getenv("HOME");
    if (!home)
        home = "/";
    if (hv_str_eq_ci(f, "UserProfile") || hv_str_eq_ci(f, "Personal") || hv_str_eq_ci(f, "MyDocuments"))
        return hv_str(home);
    if (hv_str_eq_ci(f, "Desktop") || hv_str_eq_ci(f, "DesktopDirectory"))
        return hv_strf("%s/Desktop", home);
    if (hv_str_eq_ci(f, "ApplicationData")) {
        const char *x = getenv("XDG_CONFIG_HOME");
        return x && *x ? hv_str(x) : hv_strf("%s/.config", home);
    }
    if (hv_str_eq_ci(f, "LocalApplicationData")) {
        const char *x = getenv("XDG_DATA_HOME");
        return x && *x ? hv_str(x) : hv_strf("%s/.local/share", home);
    }
    if (hv_str_eq_ci(f, "CommonApplicationData"))
        return hv_str("/usr/share");
    if (hv_str_eq_ci(f, "MyMusic") || hv_str_eq_ci(f, "MyPictures") || hv_str_eq_ci(f, "MyVideos"))
        return hv_strf("%s/%s", home, hv_str_eq_ci(f, "MyMusic") ? "Music" : hv_str_eq_ci(f, "MyPictures") ? "Pictures" : "Videos");
    return hv_str_empty();
}

static int
env_static(call *c)
{
    if (IS("GetEnvironmentVariable") && c->n >= 1) {
        hv_value n = a_str(c, 0);
        const char *v = getenv(hv_str_cstr(&n));
        hv_unref(n);
        return ret(c, v ? hv_str(v) : hv_null());
    }
    if (IS("SetEnvironmentVariable") && c->n >= 2) {
        hv_value n = a_str(c, 0);
        if (!hv_str_len(&n) || strchr(hv_str_cstr(&n), '=')) {
            hv_unref(n);
            return throwf(c, "Environment variable name or value is too long. (Parameter 'variable')");
        }
        if (c->a[1].kind == HV_NULL || (c->a[1].kind == HV_STRING && !hv_str_len(&c->a[1]))) {
            unsetenv(hv_str_cstr(&n));
        } else {
            hv_value v = a_str(c, 1);
            setenv(hv_str_cstr(&n), hv_str_cstr(&v), 1);
            hv_unref(v);
        }
        hv_unref(n);
        return ret(c, hv_null());
    }
    if (IS("GetEnvironmentVariables")) {
        extern char **environ;
        hv_value t = hv_table_new(HV_TABLE_CASE_SENSITIVE);
        for (char **e = environ; e && *e; e++) {
            const char *eq = strchr(*e, '=');
            if (eq)
                hv_table_set(&t, hv_strn(*e, (size_t)(eq - *e)), hv_str(eq + 1));
        }
        return ret(c, t);
    }
    if (IS("GetFolderPath") && c->n >= 1) {
        hv_value f = a_str(c, 0);
        hv_value r = folder_path(hv_str_cstr(&f));
        hv_unref(f);
        return ret(c, r);
    }
    if (IS("ExpandEnvironmentVariables") && c->n == 1) {
        hv_value s = a_str(c, 0);
        hv_buf b = {0};
        const char *p = hv_str_cstr(&s);
        while (*p) {
            const char *e = *p == '%' ? strchr(p + 1, '%') : NULL;
            if (e) {
                char *name = hv_xstrndup(p + 1, (size_t)(e - p - 1));
                const char *v = getenv(name);
                free(name);
                if (v) {
                    hv_buf_puts(&b, v);
                    p = e + 1;
                    continue;
                }
            }
            hv_buf_putc(&b, *p++);
        }
        hv_unref(s);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("GetCommandLineArgs"))
        return ret(c, hv_array_new(0));
    if (IS("Exit") && c->n == 1) {
        int64_t code;
        if (!a_int(c, 0, &code))
            return -1;
        fflush(NULL);
        exit((int)code); /* Environment.Exit ends the process at once, as in .NET */
    }
    return 0;
}

/* ---- [System.IO.File] / [System.IO.Directory] */

static int
io_error(call *c, const char *path, int e)
{
    hv_value fp = full_path(path);
    int rc;
    if (e == ENOENT) {
        /* missing parent directory vs missing file, as .NET distinguishes them */
        char *dir = hv_xstrdup(hv_str_cstr(&fp));
        char *sl = strrchr(dir, '/');
        if (sl && sl != dir)
            *sl = 0;
        else if (sl)
            sl[1] = 0; /* a file directly under / : the parent is / */
        struct stat st;
        if (sl && stat(dir, &st) != 0)
            rc = throwf(c, "Could not find a part of the path '%s'.", hv_str_cstr(&fp));
        else
            rc = throwf(c, "Could not find file '%s'.", hv_str_cstr(&fp));
        free(dir);
    } else if (e == EACCES || e == EPERM) {
        rc = throwf(c, "Access to the path '%s' is denied.", hv_str_cstr(&fp));
    } else if (e == EISDIR) {
        rc = throwf(c, "Access to the path '%s' is denied.", hv_str_cstr(&fp));
    } else {
        rc = throwf(c, "%s : '%s'", strerror(e), hv_str_cstr(&fp));
    }
    hv_unref(fp);
    return rc;
}

static bool
read_file(const char *path, hv_buf *b, int *e)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *e = errno;
        return false;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        *e = EISDIR;
        return false;
    }
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(b, tmp, n);
    fclose(f);
    return true;
}

static bool
write_file(const char *path, const char *data, size_t len, bool append, int *e)
{
    FILE *f = fopen(path, append ? "ab" : "wb");
    if (!f) {
        *e = errno;
        return false;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    if (fclose(f) != 0)
        ok = false;
    if (!ok)
        *e = errno;
    return ok;
}

/* Text as .NET reads it: a UTF-8 BOM is dropped. */
static hv_value
text_of(hv_buf *b)
{
    const char *p = b->data ? b->data : "";
    size_t n = b->len;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3, n -= 3;
    hv_value v = hv_strn(p, n);
    hv_buf_free(b);
    return v;
}

static hv_value
lines_of(const hv_value *text)
{
    hv_value a = hv_array_new(8);
    const char *p = hv_str_cstr(text);
    size_t len = hv_str_len(text), st = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\n' || p[i] == '\r') {
            hv_array_push(&a, hv_strn(p + st, i - st));
            if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')
                i++;
            st = i + 1;
        }
    }
    if (st < len)
        hv_array_push(&a, hv_strn(p + st, len - st));
    return a;
}

static void
append_lines(hv_buf *b, const hv_value *v)
{
    size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    for (size_t i = 0; i < n; i++) {
        hv_conv_append_string(b, v->kind == HV_ARRAY ? hv_array_at(v, i) : v, NULL);
        hv_buf_putc(b, '\n');
    }
}

static int
copy_file(call *c, const char *src, const char *dst, bool overwrite, bool move)
{
    struct stat st;
    if (!overwrite && stat(dst, &st) == 0) {
        hv_value fp = full_path(dst);
        int rc = throwf(c, "The file '%s' already exists.", hv_str_cstr(&fp));
        hv_unref(fp);
        return rc;
    }
    if (move && rename(src, dst) == 0)
        return ret(c, hv_null());
    hv_buf b = {0};
    int e = 0;
    if (!read_file(src, &b, &e))
        return io_error(c, src, e);
    bool ok = write_file(dst, b.data ? b.data : "", b.len, false, &e);
    hv_buf_free(&b);
    if (!ok)
        return io_error(c, dst, e);
    if (move)
        unlink(src);
    return ret(c, hv_null());
}

static int
file_static(call *c)
{
    if (c->n < 1)
        return 0;
    hv_value ps = a_str(c, 0);
    const char *p = hv_str_cstr(&ps);
    int rc = 0, e = 0;
    struct stat st;
    if (IS("Exists")) {
        rc = ret(c, hv_bool(c->a[0].kind != HV_NULL && stat(p, &st) == 0 && !S_ISDIR(st.st_mode)));
    } else if (IS("ReadAllText") || IS("ReadAllLines") || IS("ReadLines") || IS("ReadAllBytes")) {
        hv_buf b = {0};
        if (!read_file(p, &b, &e)) {
            rc = io_error(c, p, e);
        } else if (IS("ReadAllBytes")) {
            rc = ret(c, bytes_value((const unsigned char *)(b.data ? b.data : ""), b.len));
            hv_buf_free(&b);
        } else {
            hv_value text = text_of(&b);
            rc = ret(c, IS("ReadAllText") ? hv_ref(&text) : lines_of(&text));
            hv_unref(text);
        }
    } else if ((IS("WriteAllText") || IS("AppendAllText")) && c->n >= 2) {
        hv_value t = a_str(c, 1);
        rc = write_file(p, hv_str_cstr(&t), hv_str_len(&t), IS("AppendAllText"), &e) ? ret(c, hv_null()) : io_error(c, p, e);
        hv_unref(t);
    } else if ((IS("WriteAllLines") || IS("AppendAllLines")) && c->n >= 2) {
        hv_buf b = {0};
        append_lines(&b, &c->a[1]);
        rc = write_file(p, b.data ? b.data : "", b.len, IS("AppendAllLines"), &e) ? ret(c, hv_null()) : io_error(c, p, e);
        hv_buf_free(&b);
    } else if (IS("WriteAllBytes") && c->n == 2) {
        hv_buf b = {0};
        if (!a_bytes(c, 1, &b))
            rc = -1;
        else
            rc = write_file(p, b.data ? b.data : "", b.len, false, &e) ? ret(c, hv_null()) : io_error(c, p, e);
        hv_buf_free(&b);
    } else if (IS("Delete")) {
        rc = unlink(p) == 0 || errno == ENOENT ? ret(c, hv_null()) : io_error(c, p, errno);
    } else if ((IS("Copy") || IS("Move")) && c->n >= 2) {
        hv_value d = a_str(c, 1);
        bool over = c->n >= 3 && hv_conv_to_bool(&c->a[2]);
        if (stat(p, &st) != 0)
            rc = io_error(c, p, errno);
        else
            rc = copy_file(c, p, hv_str_cstr(&d), over, IS("Move"));
        hv_unref(d);
    } else if (IS("GetLastWriteTime") || IS("GetLastWriteTimeUtc") || IS("GetCreationTime") || IS("GetLastAccessTime")) {
        if (stat(p, &st) != 0) {
            /* .NET returns 1601-01-01 for missing files */
            rc = ret(c, hv_datetime(504911232000000000LL, HV_DT_UTC));
        } else {
            int64_t utc = HV_UNIX_EPOCH_TICKS + (int64_t)st.st_mtim.tv_sec * HV_TICKS_PER_SEC + st.st_mtim.tv_nsec / 100;
            if (IS("GetLastWriteTimeUtc"))
                rc = ret(c, hv_datetime(utc, HV_DT_UTC));
            else
                rc = ret(c, hv_datetime(utc + hv_dt_local_offset(utc) * HV_TICKS_PER_SEC, HV_DT_LOCAL));
        }
    }
    hv_unref(ps);
    return rc;
}

static const hv_obj_class dirinfo_class = {.type_name = "System.IO.DirectoryInfo"};

static int
mkdir_p(const char *path)
{
    char *p = hv_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int r = mkdir(p, 0777);
    free(p);
    return r == 0 || errno == EEXIST ? 0 : -1;
}

static int
str_sort_cmp(const void *a, const void *b)
{
    return strcmp(hv_str_cstr(a), hv_str_cstr(b));
}

/* Entries of dir matching pattern; files, dirs or both; optionally recursive. */
static void
list_dir(const char *dir, const char *pattern, int what, bool recurse, hv_value *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    hv_value subdirs = hv_array_new(0);
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *full = hv_xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
        struct stat st;
        bool isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        bool match = hv_wildcard_match(pattern, de->d_name, true) ||
                     (strcmp(pattern, "*.*") == 0);
        if (match && ((what & 1 && !isdir) || (what & 2 && isdir)))
            hv_array_push(out, hv_str(full));
        if (isdir && recurse)
            hv_array_push(&subdirs, hv_str(full));
        free(full);
    }
    closedir(d);
    if (hv_array_len(&subdirs) > 1) /* an empty array has no item storage */
        qsort(hv_array_items(&subdirs), hv_array_len(&subdirs), sizeof(hv_value), str_sort_cmp);
    for (size_t i = 0; i < hv_array_len(&subdirs); i++)
        list_dir(hv_str_cstr(hv_array_at(&subdirs, i)), pattern, what, true, out);
    hv_unref(subdirs);
}

static int
remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d))) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char *full = hv_xasprintf("%s/%s", path, de->d_name);
            remove_tree(full);
            free(full);
        }
        if (d)
            closedir(d);
        return rmdir(path);
    }
    return unlink(path);
}

static int
directory_static(call *c)
{
    if (IS("GetCurrentDirectory") && c->n == 0) {
        char cwd[4096];
        return ret(c, hv_str(getcwd(cwd, sizeof cwd) ? cwd : "/"));
    }
    if (c->n < 1)
        return 0;
    hv_value ps = a_str(c, 0);
    const char *p = hv_str_cstr(&ps);
    struct stat st;
    int rc = 0;
    if (IS("Exists")) {
        rc = ret(c, hv_bool(c->a[0].kind != HV_NULL && stat(p, &st) == 0 && S_ISDIR(st.st_mode)));
    } else if (IS("CreateDirectory")) {
        if (!*p) {
            rc = throwf(c, "The value cannot be an empty string. (Parameter 'path')");
        } else if (mkdir_p(p) != 0) {
            rc = io_error(c, p, errno);
        } else {
            hv_value o = hv_obj_new(&dirinfo_class);
            hv_value fp = full_path(p);
            hv_obj_set(&o, "Name", hv_str(file_name_of(hv_str_cstr(&fp))));
            hv_obj_set(&o, "FullName", fp);
            hv_obj_set(&o, "Exists", hv_bool(true));
            rc = ret(c, o);
        }
    } else if (IS("GetFiles") || IS("GetDirectories") || IS("EnumerateFiles") ||
               IS("EnumerateDirectories") || IS("GetFileSystemEntries") || IS("EnumerateFileSystemEntries")) {
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
            hv_value fp = full_path(p);
            rc = throwf(c, "Could not find a part of the path '%s'.", hv_str_cstr(&fp));
            hv_unref(fp);
        } else {
            hv_value pat = c->n >= 2 ? a_str(c, 1) : hv_str("*");
            bool rec = false;
            if (c->n >= 3) {
                const hv_value *o = &c->a[2];
                rec = (o->kind == HV_INT && o->u.i == 1) || (o->kind == HV_ENUM && o->aux == 1) ||
                      (o->kind == HV_STRING && hv_str_eq_ci(hv_str_cstr(o), "AllDirectories"));
            }
            int what = IS("GetFiles") || IS("EnumerateFiles") ? 1 : IS("GetDirectories") || IS("EnumerateDirectories") ? 2 : 3;
            hv_value out = hv_array_new(8);
            list_dir(p, hv_str_cstr(&pat), what, rec, &out);
            if (!rec && hv_array_len(&out) > 1)
                qsort(hv_array_items(&out), hv_array_len(&out), sizeof(hv_value), str_sort_cmp);
            hv_unref(pat);
            rc = ret(c, out);
        }
    } else if (IS("Delete")) {
        bool rec = c->n >= 2 && hv_conv_to_bool(&c->a[1]);
        int r = rec ? remove_tree(p) : rmdir(p);
        if (r != 0) {
            if (errno == ENOTEMPTY || errno == EEXIST) {
                hv_value fp = full_path(p);
                rc = throwf(c, "Directory not empty : '%s'", hv_str_cstr(&fp));
                hv_unref(fp);
            } else {
                if (errno == ENOENT) {
                    hv_value fp = full_path(p);
                    rc = throwf(c, "Could not find a part of the path '%s'.", hv_str_cstr(&fp));
                    hv_unref(fp);
                } else {
                    rc = io_error(c, p, errno);
                }
            }
        } else {
            rc = ret(c, hv_null());
        }
    } else if (IS("Move") && c->n == 2) {
        hv_value d = a_str(c, 1);
        rc = rename(p, hv_str_cstr(&d)) == 0 ? ret(c, hv_null()) : io_error(c, p, errno);
        hv_unref(d);
    } else if (IS("SetCurrentDirectory")) {
        rc = chdir(p) == 0 ? ret(c, hv_null()) : io_error(c, p, errno);
    }
    hv_unref(ps);
    return rc;
}

/* ---- [Convert] */

static int
convert_to_int_base(call *c, hv_numkind k)
{
    int64_t base;
    if (!a_int(c, 1, &base))
        return -1;
    if (base != 2 && base != 8 && base != 10 && base != 16)
        return throwf(c, "Invalid Base. (Parameter 'fromBase')");
    hv_value s = a_str(c, 0);
    const char *p = hv_str_cstr(&s);
    if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    bool neg = base == 10 && *p == '-';
    if (neg)
        p++;
    uint64_t v = 0;
    int nd = 0;
    for (; *p; p++, nd++) {
        int ch = tolower((unsigned char)*p);
        int dv = isdigit(ch) ? ch - '0' : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10 : 99;
        if (dv >= base) {
            hv_unref(s);
            return throwf(c, nd ? "Additional non-parsable characters are at the end of the string." : "Could not find any recognizable digits.");
        }
        v = v * (uint64_t)base + (uint64_t)dv;
    }
    hv_unref(s);
    if (!nd)
        return throwf(c, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')");
    if (k == HV_N_INT32) {
        if (base != 10 && v <= 0xFFFFFFFFu)
            return ret(c, hv_int((int32_t)(uint32_t)v));
        int64_t sv = neg ? -(int64_t)v : (int64_t)v;
        if (sv < INT32_MIN || sv > INT32_MAX)
            return throwf(c, "Value was either too large or too small for an Int32.");
        return ret(c, hv_int((int32_t)sv));
    }
    if (k == HV_N_BYTE) {
        if (v > 255)
            return throwf(c, "Value was either too large or too small for an unsigned byte.");
        return ret(c, hv_intk((int64_t)v, HV_N_BYTE));
    }
    return ret(c, hv_long(neg ? -(int64_t)v : (int64_t)v));
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int
convert_static(call *c)
{
    static const struct {
        const char *name;
        const char *type;
        hv_numkind k;
    } ints[] = {
        {"ToInt32", "int", HV_N_INT32},   {"ToInt64", "long", HV_N_INT64},
        {"ToInt16", "int16", HV_N_INT16}, {"ToByte", "byte", HV_N_BYTE},
        {"ToSByte", "sbyte", HV_N_SBYTE}, {"ToUInt16", "uint16", HV_N_UINT16},
        {"ToUInt32", "uint32", HV_N_UINT32}, {"ToUInt64", "uint64", HV_N_UINT64},
        {"ToDouble", "double", HV_N_DOUBLE}, {"ToSingle", "float", HV_N_FLOAT},
        {"ToDecimal", "decimal", HV_N_DECIMAL},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (!IS(ints[i].name))
            continue;
        if (c->n == 2 && ints[i].k <= HV_N_BYTE)
            return convert_to_int_base(c, ints[i].k);
        if (c->n < 1 || c->n > 2)
            return no_overload(c);
        hv_value out;
        hv_conv_err e;
        if (c->a[0].kind == HV_STRING) {
            hv_value n;
            const char *s = hv_str_cstr(&c->a[0]);
            bool hexy = strstr(s, "0x") || strstr(s, "0X") || strpbrk(s, "kKmMgGtTpP");
            if (hexy || !hv_conv_parse_number(s, hv_str_len(&c->a[0]), &n) || !hv_str_len(&c->a[0]))
                return throwf(c, "The input string '%s' was not in a correct format.", s);
        }
        if (!hv_conv_to_type(&c->a[0], hv_type_lookup(ints[i].type), &out, &e)) {
            const char *why = strstr(e.msg, "Error: \"");
            char tmp[300];
            snprintf(tmp, sizeof tmp, "%.290s", why ? why + 8 : e.msg);
            size_t tl = strlen(tmp);
            if (why && tl && tmp[tl - 1] == '"')
                tmp[tl - 1] = 0;
            return throwf(c, "%s", why ? tmp : "Unable to cast object to the requested type.");
        }
        return ret(c, out);
    }
    if (IS("ToString") && c->n == 2 && hv_is_number(&c->a[0])) {
        int64_t v, base;
        if (!a_int(c, 0, &v) || !a_int(c, 1, &base))
            return -1;
        if (base != 2 && base != 8 && base != 10 && base != 16)
            return throwf(c, "Invalid Base. (Parameter 'toBase')");
        if (base == 10)
            return ret(c, hv_strf("%lld", (long long)v));
        uint64_t u = c->a[0].sub == HV_N_INT64 ? (uint64_t)v : (uint64_t)(uint32_t)(int32_t)v;
        if (c->a[0].sub == HV_N_BYTE)
            u = (uint8_t)v;
        char buf[70];
        int n = 0;
        do {
            buf[n++] = "0123456789abcdef"[u % (uint64_t)base];
            u /= (uint64_t)base;
        } while (u);
        hv_buf b = {0};
        while (n)
            hv_buf_putc(&b, buf[--n]);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("ToString") && c->n >= 1) {
        if (c->n == 2) {
            hv_value f = a_str(c, 1);
            hv_value r = hv_conv_format_one(&c->a[0], hv_str_cstr(&f));
            hv_unref(f);
            return ret(c, r);
        }
        return ret(c, c->a[0].kind == HV_DATETIME ? hv_dt_format(c->a[0].u.i, (hv_dtkind)c->a[0].sub, "G")
                                                  : hv_conv_to_string(&c->a[0], NULL));
    }
    if (IS("ToBoolean") && c->n >= 1) {
        if (c->a[0].kind == HV_STRING) {
            hv_value s = a_str(c, 0);
            char tmp[16] = "";
            const char *p = hv_str_cstr(&s);
            while (isspace((unsigned char)*p))
                p++;
            snprintf(tmp, sizeof tmp, "%s", p);
            for (char *q = tmp + strlen(tmp); q > tmp && isspace((unsigned char)q[-1]);)
                *--q = 0;
            int rc;
            if (hv_str_eq_ci(tmp, "true"))
                rc = ret(c, hv_bool(true));
            else if (hv_str_eq_ci(tmp, "false"))
                rc = ret(c, hv_bool(false));
            else
                rc = throwf(c, "String '%s' was not recognized as a valid Boolean.", hv_str_cstr(&s));
            hv_unref(s);
            return rc;
        }
        return ret(c, hv_bool(hv_conv_to_bool(&c->a[0])));
    }
    if (IS("ToChar") && c->n == 1) {
        uint32_t cp;
        if (!a_char(c, 0, &cp))
            return -1;
        return ret(c, hv_char(cp));
    }
    if (IS("ToDateTime") && c->n >= 1) {
        hv_value out;
        hv_conv_err e;
        if (c->a[0].kind == HV_NULL)
            return ret(c, hv_datetime(0, HV_DT_UNSPECIFIED));
        if (!hv_conv_to_type(&c->a[0], hv_type_lookup("datetime"), &out, &e)) {
            hv_value s = a_str(c, 0);
            int rc = throwf(c, "String '%s' was not recognized as a valid DateTime.", hv_str_cstr(&s));
            hv_unref(s);
            return rc;
        }
        return ret(c, out);
    }
    if ((IS("ToBase64String") || IS("ToHexString")) && c->n >= 1) {
        hv_buf in = {0};
        if (!a_bytes(c, 0, &in))
            return -1;
        const unsigned char *p = (const unsigned char *)(in.data ? in.data : "");
        hv_buf b = {0};
        if (IS("ToHexString")) {
            for (size_t i = 0; i < in.len; i++)
                hv_buf_printf(&b, "%02X", p[i]);
        } else {
            for (size_t i = 0; i < in.len; i += 3) {
                uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < in.len ? (uint32_t)p[i + 1] << 8 : 0) |
                             (i + 2 < in.len ? p[i + 2] : 0);
                hv_buf_putc(&b, b64[v >> 18]);
                hv_buf_putc(&b, b64[(v >> 12) & 63]);
                hv_buf_putc(&b, i + 1 < in.len ? b64[(v >> 6) & 63] : '=');
                hv_buf_putc(&b, i + 2 < in.len ? b64[v & 63] : '=');
            }
        }
        hv_buf_free(&in);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("FromBase64String") && c->n == 1) {
        hv_value s = a_str(c, 0);
        const char *p = hv_str_cstr(&s);
        hv_buf b = {0};
        uint32_t acc = 0;
        int bits = 0, n = 0, pad = 0;
        bool bad = false;
        for (; *p; p++) {
            if (isspace((unsigned char)*p))
                continue;
            if (*p == '=') {
                pad++;
                n++;
                continue;
            }
            const char *q = strchr(b64, *p);
            if (!q || pad) {
                bad = true;
                break;
            }
            acc = acc << 6 | (uint32_t)(q - b64);
            bits += 6;
            n++;
            if (bits >= 8) {
                bits -= 8;
                hv_buf_putc(&b, (char)((acc >> bits) & 0xFF));
            }
        }
        hv_unref(s);
        if (bad || n % 4 != 0 || pad > 2) {
            hv_buf_free(&b);
            return throwf(c, "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
        }
        hv_value r = bytes_value((const unsigned char *)(b.data ? b.data : ""), b.len);
        hv_buf_free(&b);
        return ret(c, r);
    }
    if (IS("FromHexString") && c->n == 1) {
        hv_value s = a_str(c, 0);
        const char *p = hv_str_cstr(&s);
        size_t len = hv_str_len(&s);
        hv_buf b = {0};
        bool bad = len % 2 != 0;
        for (size_t i = 0; !bad && i < len; i += 2) {
            if (!isxdigit((unsigned char)p[i]) || !isxdigit((unsigned char)p[i + 1])) {
                bad = true;
                break;
            }
            char two[3] = {p[i], p[i + 1], 0};
            hv_buf_putc(&b, (char)strtol(two, NULL, 16));
        }
        hv_unref(s);
        if (bad) {
            hv_buf_free(&b);
            return throwf(c, "The input is not a valid hex string as it contains a non-hex character.");
        }
        hv_value r = bytes_value((const unsigned char *)(b.data ? b.data : ""), b.len);
        hv_buf_free(&b);
        return ret(c, r);
    }
    return 0;
}

/* ---- [System.Text.Encoding], [BitConverter], [Console] */

static bool
encoding_static_property(const char *name, hv_value *out)
{
    static const struct {
        const char *name;
        int code;
    } encs[] = {{"UTF8", 1}, {"Default", 1}, {"ASCII", 2}, {"Unicode", 3}, {"UTF32", 4},
                {"Latin1", 5}, {"BigEndianUnicode", 6}};
    for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) {
        if (hv_str_eq_ci(name, encs[i].name)) {
            *out = encoding_new(encs[i].code);
            return true;
        }
    }
    return false;
}

static int
encoding_static(call *c)
{
    if (IS("GetEncoding") && c->n == 1) {
        hv_value s = a_str(c, 0);
        const char *n = hv_str_cstr(&s);
        int code = hv_str_eq_ci(n, "utf-8") || strcmp(n, "65001") == 0 ? 1
                 : hv_str_eq_ci(n, "us-ascii") || hv_str_eq_ci(n, "ascii") || strcmp(n, "20127") == 0 ? 2
                 : hv_str_eq_ci(n, "utf-16") || hv_str_eq_ci(n, "unicode") || strcmp(n, "1200") == 0 ? 3
                 : hv_str_eq_ci(n, "utf-32") || strcmp(n, "12000") == 0 ? 4
                 : hv_str_eq_ci(n, "iso-8859-1") || hv_str_eq_ci(n, "latin1") || strcmp(n, "28591") == 0 ? 5
                 : hv_str_eq_ci(n, "utf-16BE") || strcmp(n, "1201") == 0 ? 6 : 0;
        int rc = code ? ret(c, encoding_new(code))
                      : throwf(c, "'%s' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')", n);
        hv_unref(s);
        return rc;
    }
    return 0;
}

static int
bitconverter_static(call *c)
{
    if (IS("ToString") && c->n >= 1) {
        hv_buf in = {0};
        if (!a_bytes(c, 0, &in))
            return -1;
        int64_t start = 0, len = (int64_t)in.len;
        if (c->n >= 2 && !a_int(c, 1, &start))
            return -1;
        if (c->n >= 3 && !a_int(c, 2, &len))
            return -1;
        else if (c->n == 2)
            len = (int64_t)in.len - start;
        if (start < 0 || len < 0 || (size_t)(start + len) > in.len) {
            hv_buf_free(&in);
            return throwf(c, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')");
        }
        hv_buf b = {0};
        for (int64_t i = 0; i < len; i++)
            hv_buf_printf(&b, i ? "-%02X" : "%02X", (unsigned char)in.data[start + i]);
        hv_buf_free(&in);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("GetBytes") && c->n == 1) {
        const hv_value *v = &c->a[0];
        unsigned char buf[8];
        size_t n;
        if (v->kind == HV_BOOL) {
            buf[0] = v->u.b;
            n = 1;
        } else if (v->kind == HV_DOUBLE && v->sub == HV_N_FLOAT) {
            float f = (float)v->u.d;
            memcpy(buf, &f, 4);
            n = 4;
        } else if (v->kind == HV_DOUBLE) {
            memcpy(buf, &v->u.d, 8);
            n = 8;
        } else if (v->kind == HV_INT || v->kind == HV_CHAR) {
            n = v->kind == HV_CHAR ? 2 : v->sub == HV_N_INT64 || v->sub == HV_N_UINT64 ? 8
              : v->sub == HV_N_INT16 || v->sub == HV_N_UINT16 ? 2 : v->sub == HV_N_BYTE || v->sub == HV_N_SBYTE ? 2 : 4;
            uint64_t u = v->u.u;
            for (size_t i = 0; i < n; i++)
                buf[i] = (unsigned char)(u >> (8 * i));
        } else {
            return no_overload(c);
        }
        return ret(c, bytes_value(buf, n));
    }
    if ((IS("ToInt32") || IS("ToInt64") || IS("ToInt16") || IS("ToUInt32") || IS("ToUInt16") ||
         IS("ToUInt64") || IS("ToDouble")) && c->n == 2) {
        hv_buf in = {0};
        int64_t at;
        if (!a_bytes(c, 0, &in) || !a_int(c, 1, &at)) {
            hv_buf_free(&in);
            return -1;
        }
        size_t n = IS("ToInt64") || IS("ToUInt64") || IS("ToDouble") ? 8 : IS("ToInt32") || IS("ToUInt32") ? 4 : 2;
        if (at < 0 || (size_t)at + n > in.len) {
            hv_buf_free(&in);
            return throwf(c, "Destination array is not long enough to copy all the items in the collection. Check array index and length. (Parameter 'value')");
        }
        uint64_t u = 0;
        for (size_t i = 0; i < n; i++)
            u |= (uint64_t)(unsigned char)in.data[at + (int64_t)i] << (8 * i);
        hv_buf_free(&in);
        if (IS("ToDouble")) {
            double d;
            memcpy(&d, &u, 8);
            return ret(c, hv_double(d));
        }
        if (IS("ToInt32"))
            return ret(c, hv_int((int32_t)(uint32_t)u));
        if (IS("ToInt16"))
            return ret(c, hv_intk((int16_t)(uint16_t)u, HV_N_INT16));
        if (IS("ToUInt16"))
            return ret(c, hv_intk((uint16_t)u, HV_N_UINT16));
        if (IS("ToUInt32"))
            return ret(c, hv_intk((uint32_t)u, HV_N_UINT32));
        if (IS("ToUInt64"))
            return ret(c, hv_uint64(u));
        return ret(c, hv_long((int64_t)u));
    }
    return 0;
}

static int
console_static(call *c)
{
    if (IS("WriteLine") || IS("Write")) {
        hv_value s;
        if (c->n == 0) {
            s = hv_str_empty();
        } else if (c->n > 1 && c->a[0].kind == HV_STRING) {
            hv_conv_err e;
            if (!hv_conv_format(hv_str_cstr(&c->a[0]), c->a + 1, c->n - 1, &s, &e))
                return throwf(c, "%s", e.msg);
        } else {
            s = a_str(c, 0);
        }
        fwrite(hv_str_cstr(&s), 1, hv_str_len(&s), stdout);
        if (IS("WriteLine"))
            fputc('\n', stdout);
        fflush(stdout);
        hv_unref(s);
        return ret(c, hv_null());
    }
    if (IS("ReadLine") && c->n == 0) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n = getline(&line, &cap, stdin);
        if (n < 0) {
            free(line);
            return ret(c, hv_null());
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        hv_value r = hv_strn(line, (size_t)n);
        free(line);
        return ret(c, r);
    }
    if (IS("Beep") || IS("Clear") || IS("ResetColor"))
        return ret(c, hv_null());
    return 0;
}

static bool
console_static_property(const char *name, hv_value *out)
{
    if (hv_str_eq_ci(name, "WindowWidth") || hv_str_eq_ci(name, "BufferWidth")) {
        const char *cols = getenv("COLUMNS");
        *out = hv_int(cols && atoi(cols) > 0 ? atoi(cols) : 120);
    } else if (hv_str_eq_ci(name, "WindowHeight") || hv_str_eq_ci(name, "BufferHeight")) {
        const char *rows = getenv("LINES");
        *out = hv_int(rows && atoi(rows) > 0 ? atoi(rows) : 30);
    } else if (hv_str_eq_ci(name, "ForegroundColor")) {
        *out = hv_enum(&hv_enum_consolecolor, 7);
    } else if (hv_str_eq_ci(name, "BackgroundColor")) {
        *out = hv_enum(&hv_enum_consolecolor, 0);
    } else if (hv_str_eq_ci(name, "KeyAvailable") || hv_str_eq_ci(name, "IsOutputRedirected") ||
               hv_str_eq_ci(name, "IsInputRedirected") || hv_str_eq_ci(name, "IsErrorRedirected")) {
        int fd = hv_str_eq_ci(name, "IsOutputRedirected") ? 1 : hv_str_eq_ci(name, "IsErrorRedirected") ? 2 : 0;
        *out = hv_bool(hv_str_eq_ci(name, "KeyAvailable") ? false : !isatty(fd));
    } else {
        return false;
    }
    return true;
}

/* ---- [enum], [array] */

static const hv_type_info *
a_type(call *c, size_t i)
{
    if (c->a[i].kind == HV_TYPE)
        return c->a[i].u.t;
    if (c->a[i].kind == HV_STRING)
        return hv_type_lookup(hv_str_cstr(&c->a[i]));
    return NULL;
}

static int
enum_static(call *c)
{
    if (c->n < 1)
        return 0;
    const hv_type_info *t = a_type(c, 0);
    if (!t || t->kind != HV_ENUM)
        return throwf(c, "Type provided must be an Enum. (Parameter 'enumType')");
    const hv_enum_def *d = t->enum_def;
    if ((IS("GetNames") || IS("GetValues")) && c->n == 1) {
        hv_value a = hv_array_new((size_t)d->count);
        for (int i = 0; i < d->count; i++)
            hv_array_push(&a, IS("GetNames") ? hv_str(d->names[i]) : hv_enum(d, d->values[i]));
        return ret(c, a);
    }
    if (IS("Parse") && c->n >= 2) {
        hv_value s = a_str(c, 1);
        int32_t v;
        bool ok = hv_enum_parse(d, hv_str_cstr(&s), &v);
        if (ok && c->n >= 3 && !hv_conv_to_bool(&c->a[2])) {
            /* case-sensitive parse: the name must match exactly */
            bool exact = false;
            for (int i = 0; i < d->count; i++)
                if (strcmp(d->names[i], hv_str_cstr(&s)) == 0)
                    exact = true;
            ok = exact || isdigit((unsigned char)hv_str_cstr(&s)[0]);
        }
        int rc = ok ? ret(c, hv_enum(d, v))
                    : throwf(c, "Requested value '%s' was not found.", hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    if (IS("IsDefined") && c->n == 2) {
        if (c->a[1].kind == HV_STRING) {
            for (int i = 0; i < d->count; i++)
                if (strcmp(d->names[i], hv_str_cstr(&c->a[1])) == 0)
                    return ret(c, hv_bool(true));
            return ret(c, hv_bool(false));
        }
        int64_t v;
        if (c->a[1].kind == HV_ENUM)
            v = c->a[1].aux;
        else if (!a_int(c, 1, &v))
            return -1;
        for (int i = 0; i < d->count; i++)
            if (d->values[i] == v)
                return ret(c, hv_bool(true));
        return ret(c, hv_bool(false));
    }
    if ((IS("ToObject") || IS("GetName")) && c->n == 2) {
        int64_t v;
        if (c->a[1].kind == HV_ENUM)
            v = c->a[1].aux;
        else if (!a_int(c, 1, &v))
            return -1;
        hv_value e = hv_enum(d, (int32_t)v);
        if (IS("ToObject"))
            return ret(c, e);
        const char *nm = hv_enum_name(&e);
        return ret(c, nm ? hv_str(nm) : hv_null());
    }
    return 0;
}

static int
array_static(call *c)
{
    if ((IS("IndexOf") || IS("LastIndexOf")) && c->n >= 2 && c->a[0].kind == HV_ARRAY) {
        const hv_value *arr = &c->a[0];
        long at = -1;
        for (size_t i = 0; i < hv_array_len(arr); i++) {
            if (net_equals(hv_array_at(arr, i), &c->a[1])) {
                at = (long)i;
                if (IS("IndexOf"))
                    break;
            }
        }
        return ret(c, hv_int((int32_t)at));
    }
    if ((IS("Reverse") || IS("Sort")) && c->n == 1 && c->a[0].kind == HV_ARRAY) {
        hv_value *it = hv_array_items(&c->a[0]);
        size_t n = hv_array_len(&c->a[0]);
        if (IS("Sort")) {
            qsort(it, n, sizeof *it, sort_cmp);
        } else {
            for (size_t i = 0; i < n / 2; i++) {
                hv_value t = it[i];
                it[i] = it[n - 1 - i];
                it[n - 1 - i] = t;
            }
        }
        return ret(c, hv_null());
    }
    if (IS("CreateInstance") && c->n == 2) {
        const hv_type_info *t = a_type(c, 0);
        int64_t n;
        if (!a_int(c, 1, &n))
            return -1;
        if (n < 0)
            return throwf(c, "Non-negative number required. (Parameter 'length')");
        hv_value a = hv_array_new((size_t)n);
        for (int64_t i = 0; i < n; i++) {
            hv_value z = hv_null();
            if (t && (t->kind == HV_INT || t->kind == HV_DOUBLE)) {
                hv_value zero = hv_int(0);
                hv_conv_err e;
                hv_conv_to_type(&zero, t, &z, &e);
            } else if (t && t->kind == HV_BOOL) {
                z = hv_bool(false);
            }
            hv_array_push(&a, z);
        }
        return ret(c, a);
    }
    if (IS("Exists") || IS("Find") || IS("FindAll") || IS("ForEach") || IS("TrueForAll"))
        return 0; /* predicates need the evaluator */
    return 0;
}

/* ---- [regex], [ipaddress], [version], constructors */

static unsigned
regex_options_arg(const hv_value *v)
{
    if (v->kind == HV_INT)
        return (unsigned)v->u.i;
    if (v->kind == HV_ENUM)
        return (unsigned)v->aux;
    static const struct {
        const char *name;
        unsigned v;
    } names[] = {{"IgnoreCase", HV_RE_IGNORECASE}, {"Multiline", HV_RE_MULTILINE},
                 {"ExplicitCapture", HV_RE_EXPLICIT}, {"Singleline", HV_RE_SINGLELINE},
                 {"IgnorePatternWhitespace", HV_RE_IGNOREWS}, {"CultureInvariant", HV_RE_CULTUREINV},
                 {"Compiled", 0}, {"None", 0}};
    unsigned o = 0;
    hv_value s = hv_conv_to_string(v, NULL);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *p = hv_str_cstr(&s);
        size_t nl = strlen(names[i].name);
        for (const char *q = p; (q = strcasestr(q, names[i].name)); q += nl)
            o |= names[i].v;
    }
    hv_unref(s);
    return o;
}

static int
regex_static(call *c)
{
    if (IS("Escape") && c->n == 1) {
        hv_value s = a_str(c, 0);
        hv_value r = hv_regex_escape(hv_str_cstr(&s));
        hv_unref(s);
        return ret(c, r);
    }
    if (IS("Unescape") && c->n == 1) {
        hv_value s = a_str(c, 0);
        hv_buf b = {0};
        for (const char *p = hv_str_cstr(&s); *p; p++) {
            if (*p == '\\' && p[1]) {
                p++;
                char e = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p == 'f' ? '\f' : *p;
                hv_buf_putc(&b, e);
            } else {
                hv_buf_putc(&b, *p);
            }
        }
        hv_unref(s);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("new") && c->n >= 1) {
        hv_value p = a_str(c, 0);
        unsigned o = c->n >= 2 ? regex_options_arg(&c->a[1]) : 0;
        hv_conv_err e;
        int rc = hv_regex_get_opts(hv_str_cstr(&p), o, &e) ? ret(c, hv_regex_value(hv_str_cstr(&p), o))
                                                           : throwf(c, "%s", e.msg);
        hv_unref(p);
        return rc;
    }
    size_t need = IS("Replace") ? 3 : 2;
    if (!(IS("IsMatch") || IS("Match") || IS("Matches") || IS("Replace") || IS("Split")) || c->n < need)
        return 0;
    hv_value pat = a_str(c, 1);
    unsigned o = c->n > need ? regex_options_arg(&c->a[need]) : 0;
    hv_conv_err e;
    hv_regex *re = hv_regex_get_opts(hv_str_cstr(&pat), o, &e);
    hv_unref(pat);
    if (!re)
        return throwf(c, "%s", e.msg);
    hv_value rv = hv_regex_value(hv_regex_pattern(re), o);
    /* reuse the instance path: [regex]::X(input, pattern, ...) == ([regex]pattern).X(input, ...) */
    hv_value args[2];
    size_t na = 1;
    args[0] = c->a[0];
    if (IS("Replace")) {
        args[1] = c->a[2];
        na = 2;
    }
    call ic = {.name = c->name, .a = args, .n = na, .out = c->out, .err = c->err};
    int rc = regex_members(&ic, &rv);
    hv_unref(rv);
    if (rc < 0 && c->err) {
        /* report the caller's arity, not the forwarded one */
        char *q = strstr(c->err->msg, "\" argument(s)");
        if (q && q - c->err->msg > 3) {
            char tmp[512];
            snprintf(tmp, sizeof tmp, "%s", c->err->msg);
            char *r = strstr(tmp, "with \"");
            if (r)
                snprintf(c->err->msg, sizeof c->err->msg, "%.*swith \"%zu%s", (int)(r - tmp), tmp, c->n, strstr(r, "\" argument(s)"));
        }
    }
    return rc;
}

static bool
ip_static_property(const char *name, hv_value *out)
{
    static const struct {
        const char *name, *addr;
    } known[] = {{"Any", "0.0.0.0"}, {"Loopback", "127.0.0.1"}, {"Broadcast", "255.255.255.255"},
                 {"None", "255.255.255.255"}, {"IPv6Any", "::"}, {"IPv6Loopback", "::1"},
                 {"IPv6None", "::"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (hv_str_eq_ci(name, known[i].name))
            return hv_ipaddress_parse(known[i].addr, out);
    return false;
}

static int
ip_static(call *c)
{
    if (IS("Parse") && c->n == 1) {
        hv_value s = a_str(c, 0);
        hv_value out;
        int rc = hv_ipaddress_parse(hv_str_cstr(&s), &out) ? ret(c, out)
                                                           : throwf(c, "An invalid IP address was specified.");
        hv_unref(s);
        return rc;
    }
    if (IS("IsLoopback") && c->n == 1 && c->a[0].kind == HV_BOXED) {
        const hv_ipaddress_data *ip = hv_boxed_ptr(&c->a[0]);
        static const unsigned char v6lo[16] = {[15] = 1};
        return ret(c, hv_bool(ip->family == 2 ? ip->addr[0] == 127 : memcmp(ip->addr, v6lo, 16) == 0));
    }
    return 0;
}

/* [uri]: the constructor and the RFC 3986 data-string escapes. */
static int
uri_static(call *c, const hv_type_info *t)
{
    if (IS("new") && c->n == 1) {
        hv_value r;
        if (!hv_conv_to_type(&c->a[0], t, &r, c->err))
            return -1;
        return ret(c, r);
    }
    if (IS("EscapeDataString") && c->n == 1) {
        hv_value sv = a_str(c, 0);
        const unsigned char *s = (const unsigned char *)hv_str_cstr(&sv);
        hv_buf b = {0};
        for (; *s; s++) {
            if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
                *s == '-' || *s == '_' || *s == '.' || *s == '~')
                hv_buf_putc(&b, (char)*s);
            else
                hv_buf_printf(&b, "%%%02X", *s);
        }
        hv_unref(sv);
        return ret(c, hv_buf_finish(&b));
    }
    if (IS("UnescapeDataString") && c->n == 1) {
        hv_value sv = a_str(c, 0);
        const char *s = hv_str_cstr(&sv);
        hv_buf b = {0};
        for (size_t i = 0; s[i]; i++) {
            unsigned x;
            if (s[i] == '%' && isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2]) &&
                sscanf(s + i + 1, "%2x", &x) == 1) {
                hv_buf_putc(&b, (char)x);
                i += 2;
            } else {
                hv_buf_putc(&b, s[i]);
            }
        }
        hv_unref(sv);
        return ret(c, hv_buf_finish(&b));
    }
    return 0;
}

static int
version_static(call *c)
{
    if ((IS("Parse") || IS("new")) && c->n == 1) {
        hv_value s = a_str(c, 0);
        hv_value out;
        int rc = hv_version_parse(hv_str_cstr(&s), &out) ? ret(c, out)
                                                         : throwf(c, "Version string portion was too short or too long. (Parameter 'input')");
        hv_unref(s);
        return rc;
    }
    if (IS("new") && c->n >= 2 && c->n <= 4) {
        int64_t p[4] = {-1, -1, -1, -1};
        for (size_t i = 0; i < c->n; i++) {
            if (!a_int(c, i, &p[i]))
                return -1;
            if (p[i] < 0)
                return throwf(c, "Version's parameters must be greater than or equal to zero. (Parameter '%s')",
                              i == 0 ? "major" : i == 1 ? "minor" : i == 2 ? "build" : "revision");
        }
        return ret(c, hv_version_new((int)p[0], (int)p[1], (int)p[2], (int)p[3]));
    }
    if (IS("new") && c->n == 0)
        return ret(c, hv_version_new(0, 0, -1, -1));
    return 0;
}

static int
collection_new(call *c, const hv_type_info *t)
{
    if (!IS("new"))
        return 0;
    if (t->kind == HV_ARRAY && t->sub != HV_TA_OBJECT) {
        hv_value a = hv_array_new(4);
        a.sub = (uint8_t)t->sub;
        bool stack = t->sub == HV_TA_STACK || t->sub == HV_TA_GENERIC_STACK;
        if (t->sub == HV_TA_HASHSET && c->n >= 1 && comparer_kind(&c->a[c->n - 1]) == 1)
            a.sub = HV_TA_HASHSET_CI;
        if (c->n >= 1 && c->a[0].kind == HV_ARRAY) {
            for (size_t i = 0; i < hv_array_len(&c->a[0]); i++) {
                const hv_value *x = hv_array_at(&c->a[0], i);
                if (t->sub == HV_TA_HASHSET && set_index_of(&a, x) >= 0)
                    continue;
                if (stack) /* pushed in order: the last is the top */
                    hv_array_insert(&a, 0, hv_ref(x));
                else
                    hv_array_push(&a, hv_ref(x));
            }
        }
        return ret(c, a);
    }
    if (t->kind == HV_TABLE) {
        unsigned fl = t->sub;
        int ck = c->n >= 1 ? comparer_kind(&c->a[c->n - 1]) : -1;
        if (ck >= 0)
            fl = ck ? fl & ~(unsigned)HV_TABLE_CASE_SENSITIVE : fl | HV_TABLE_CASE_SENSITIVE;
        if (c->n == 1 && c->a[0].kind == HV_TABLE)
            return ret(c, hv_table_clone(&c->a[0]));
        return ret(c, hv_table_new(fl));
    }
    return 0;
}

static int
bool_static(call *c)
{
    if (IS("Parse") && c->n == 1) {
        hv_value s = a_str(c, 0);
        char tmp[16];
        snprintf(tmp, sizeof tmp, "%s", hv_str_cstr(&s));
        char *p = tmp;
        while (isspace((unsigned char)*p))
            p++;
        for (char *q = p + strlen(p); q > p && isspace((unsigned char)q[-1]);)
            *--q = 0;
        int rc = hv_str_eq_ci(p, "true") ? ret(c, hv_bool(true))
               : hv_str_eq_ci(p, "false") ? ret(c, hv_bool(false))
               : throwf(c, "String '%s' was not recognized as a valid Boolean.", hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    return 0;
}

static int
dns_static(call *c)
{
    if (IS("GetHostName") && c->n == 0)
        return ret(c, machine_name());
    if ((IS("GetHostAddresses") || IS("Resolve")) && c->n == 1) {
        hv_value host = a_str(c, 0);
        hv_value ip;
        if (hv_ipaddress_parse(hv_str_cstr(&host), &ip)) {
            hv_unref(host);
            hv_value a = hv_array_new(1);
            hv_array_push(&a, ip);
            return ret(c, a);
        }
        struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL;
        int rc = getaddrinfo(hv_str_cstr(&host), NULL, &hints, &res);
        if (rc != 0) {
            int r = throwf(c, "%s", rc == EAI_NONAME ? "Name or service not known" : gai_strerror(rc));
            hv_unref(host);
            return r;
        }
        hv_value a = hv_array_new(2);
        for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
            char buf[64];
            const void *addr = ai->ai_family == AF_INET
                                   ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                                   : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
            if ((ai->ai_family == AF_INET || ai->ai_family == AF_INET6) &&
                inet_ntop(ai->ai_family, addr, buf, sizeof buf) && hv_ipaddress_parse(buf, &ip)) {
                bool dup = false;
                for (size_t i = 0; i < hv_array_len(&a) && !dup; i++)
                    dup = hv_op_equal(hv_array_at(&a, i), &ip, 0);
                if (dup)
                    hv_unref(ip);
                else
                    hv_array_push(&a, ip);
            }
        }
        freeaddrinfo(res);
        hv_unref(host);
        return ret(c, a);
    }
    return 0;
}

bool
hv_methods_static_property(const hv_type_info *t, const char *name, hv_value *out)
{
    if (tis(t, "System.Math")) {
        if (hv_str_eq_ci(name, "PI"))
            *out = hv_double(M_PI);
        else if (hv_str_eq_ci(name, "E"))
            *out = hv_double(M_E);
        else if (hv_str_eq_ci(name, "Tau"))
            *out = hv_double(2 * M_PI);
        else
            return false;
        return true;
    }
    if (tis(t, "System.String") && hv_str_eq_ci(name, "Empty")) {
        *out = hv_str_empty();
        return true;
    }
    if (tis(t, "System.Guid") && hv_str_eq_ci(name, "Empty")) {
        unsigned char z[16] = {0};
        *out = hv_guid_new(z);
        return true;
    }
    if (tis(t, "System.TimeSpan") && hv_str_eq_ci(name, "Zero")) {
        *out = hv_timespan(0);
        return true;
    }
    if (tis(t, "System.DateTime") && datetime_static_property(name, out))
        return true;
    if (tis(t, "System.IO.Path"))
        return path_static_property(name, out);
    if (tis(t, "System.Environment"))
        return env_static_property(name, out);
    if (tis(t, "System.Text.Encoding"))
        return encoding_static_property(name, out);
    if (tis(t, "System.Console"))
        return console_static_property(name, out);
    if (tis(t, "System.Net.IPAddress"))
        return ip_static_property(name, out);
    if (tis(t, "System.Globalization.CultureInfo")) {
        if (hv_str_eq_ci(name, "InvariantCulture"))
            *out = hv_culture_new("");
        else if (hv_str_eq_ci(name, "CurrentCulture") || hv_str_eq_ci(name, "CurrentUICulture") ||
                 hv_str_eq_ci(name, "DefaultThreadCurrentCulture"))
            *out = hv_culture_new("en-US");
        else
            return false;
        return true;
    }
    if (tis(t, "System.Management.Automation.PSCredential") && hv_str_eq_ci(name, "Empty")) {
        *out = hv_obj_new(&pscred_class);
        hv_obj_set(out, "UserName", hv_null());
        hv_obj_set(out, "Password", hv_null());
        return true;
    }
    if (tis(t, "System.Diagnostics.Stopwatch")) {
        if (hv_str_eq_ci(name, "Frequency"))
            *out = hv_long(1000000000);
        else if (hv_str_eq_ci(name, "IsHighResolution"))
            *out = hv_bool(true);
        else
            return false;
        return true;
    }
    if (tis(t, "System.StringComparer")) {
        static const char *const names[] = {"Ordinal", "OrdinalIgnoreCase", "InvariantCulture",
                                            "InvariantCultureIgnoreCase", "CurrentCulture",
                                            "CurrentCultureIgnoreCase"};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            if (hv_str_eq_ci(name, names[i])) {
                *out = hv_obj_new(i % 2 ? &comparer_ci_class : &comparer_cs_class);
                return true;
            }
        }
        return false;
    }
    if (tis(t, "System.BitConverter") && hv_str_eq_ci(name, "IsLittleEndian")) {
        *out = hv_bool(true);
        return true;
    }
    if (t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_CHAR || t->kind == HV_DATETIME ||
        t->kind == HV_TIMESPAN)
        return numeric_static_property(t, name, out);
    return false;
}

/* [System.Management.Automation.ErrorRecord]::new(exception, errorId, category, target) */
static int
error_record_static(call *c)
{
    if (!IS("new"))
        return 0;
    if (c->n != 4 || c->a[0].kind != HV_OBJECT || !hv_obj_get(&c->a[0], "Message"))
        return no_overload(c);
    HV_AUTO hv_value id = a_str(c, 1);
    int32_t cat = 0;
    const hv_value *cv = &c->a[2];
    if (cv->kind == HV_ENUM || cv->kind == HV_INT) {
        cat = cv->kind == HV_ENUM ? cv->aux : (int32_t)cv->u.i;
    } else {
        HV_AUTO hv_value cs = a_str(c, 2);
        if (!hv_enum_parse(hv_err_category_enum(), hv_str_cstr(&cs), &cat))
            return throwf(c, "Cannot convert value \"%s\" to type "
                             "\"System.Management.Automation.ErrorCategory\".",
                          hv_str_cstr(&cs));
    }
    if (cat < 0 || cat >= HV_CAT__COUNT)
        cat = 0;
    return ret(c, hv_err_record_new(&c->a[0], hv_str_cstr(&id), (hv_err_category)cat, &c->a[3]));
}

/* [WildcardPattern]::Escape / Unescape / ContainsWildcardCharacters: the metacharacters
 * are * ? [ ] and the escape is the backtick. */
static int
wildcard_static(call *c)
{
    if (c->n != 1)
        return IS("Escape") || IS("Unescape") || IS("ContainsWildcardCharacters") ? no_overload(c)
                                                                                  : 0;
    HV_AUTO hv_value s = a_str(c, 0);
    const char *p = hv_str_cstr(&s);
    if (IS("ContainsWildcardCharacters")) {
        for (; *p; p++) {
            if (*p == '`' && p[1]) {
                p++;
                continue;
            }
            if (*p == '*' || *p == '?' || *p == '[' || *p == ']')
                return ret(c, hv_bool(true));
        }
        return ret(c, hv_bool(false));
    }
    hv_buf b = {0};
    if (IS("Escape")) {
        for (; *p; p++) {
            if (*p == '*' || *p == '?' || *p == '[' || *p == ']' || *p == '`')
                hv_buf_putc(&b, '`');
            hv_buf_putc(&b, *p);
        }
    } else if (IS("Unescape")) {
        for (; *p; p++) {
            if (*p == '`' && p[1] && strchr("*?[]`", p[1]))
                p++;
            hv_buf_putc(&b, *p);
        }
    } else {
        return 0;
    }
    return ret(c, b.data ? hv_buf_finish(&b) : hv_str_empty());
}

/* [System.XxxException]::new(...) with .NET's constructor shapes: (), (message),
 * (message, inner); ArgumentException (message, paramName); ArgumentNull/OutOfRange
 * (paramName) and (paramName, message). */
static int
exception_static(call *c, const hv_type_info *t)
{
    if (!IS("new"))
        return 0;
    if (c->n > 2)
        return no_overload(c);
    const char *tn = t->full_name;
    bool param_first = hv_str_eq_ci(tn, "System.ArgumentNullException") ||
                       hv_str_eq_ci(tn, "System.ArgumentOutOfRangeException");
    bool is_arg = param_first || hv_str_eq_ci(tn, "System.ArgumentException");
    const hv_value *inner = NULL;
    HV_AUTO hv_value msg = hv_null(), pname = hv_null();
    if (c->n >= 1) {
        if (param_first)
            pname = a_str(c, 0);
        else
            msg = a_str(c, 0);
    }
    if (c->n == 2) {
        if (c->a[1].kind == HV_OBJECT && hv_obj_get(&c->a[1], "Message"))
            inner = &c->a[1];
        else if (param_first)
            msg = a_str(c, 1);
        else if (is_arg)
            pname = a_str(c, 1);
        else
            return no_overload(c);
    }
    hv_value e = hv_err_exception_new(tn, msg.kind == HV_STRING ? hv_str_cstr(&msg) : NULL, inner);
    if (is_arg) {
        if (pname.kind == HV_STRING && hv_str_len(&pname)) {
            const hv_value *m = hv_obj_get(&e, "Message");
            hv_value full = hv_strf("%s (Parameter '%s')", m ? hv_str_cstr(m) : "",
                                    hv_str_cstr(&pname));
            hv_obj_set(&e, "Message", full);
        }
        hv_obj_set(&e, "ParamName", pname.kind == HV_STRING ? hv_ref(&pname) : hv_null());
    }
    return ret(c, e);
}

int
hv_methods_invoke_static(const hv_type_info *t, const char *name, const hv_value *args, size_t n,
                         hv_value *out, hv_conv_err *err)
{
    call cc = {.name = name, .a = args, .n = n, .out = out, .err = err};
    call *c = &cc;
    if (IS("TryParse") && (t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_DATETIME ||
                           t->kind == HV_TIMESPAN || t->kind == HV_BOOL ||
                           (t->kind == HV_BOXED && (t->sub == HV_TB_GUID || t->sub == HV_TB_IPADDRESS ||
                                                    t->sub == HV_TB_VERSION))))
        return try_parse(c, t);
    if (t->kind == HV_OBJECT && t->sub == 2)
        return exception_static(c, t);
    if (t->kind == HV_OBJECT && t->sub == 3)
        return error_record_static(c);
    if (tis(t, "System.Boolean"))
        return bool_static(c);
    if (tis(t, "System.Math"))
        return math_static(c);
    if (tis(t, "System.String"))
        return string_static(c);
    if (tis(t, "System.Char"))
        return char_static(c);
    if (tis(t, "System.DateTime"))
        return datetime_static(c);
    if (tis(t, "System.TimeSpan"))
        return timespan_static(c);
    if (tis(t, "System.Guid"))
        return guid_static(c);
    if (tis(t, "System.IO.Path"))
        return path_static(c);
    if (tis(t, "System.Environment"))
        return env_static(c);
    if (tis(t, "System.IO.File"))
        return file_static(c);
    if (tis(t, "System.IO.Directory"))
        return directory_static(c);
    if (tis(t, "System.Convert"))
        return convert_static(c);
    if (tis(t, "System.Text.Encoding"))
        return encoding_static(c);
    if (tis(t, "System.BitConverter"))
        return bitconverter_static(c);
    if (tis(t, "System.Console"))
        return console_static(c);
    if (tis(t, "System.Enum"))
        return enum_static(c);
    if (tis(t, "System.Array"))
        return array_static(c);
    if (tis(t, "System.Text.RegularExpressions.Regex"))
        return regex_static(c);
    if (tis(t, "System.Net.IPAddress"))
        return ip_static(c);
    if (tis(t, "System.Version"))
        return version_static(c);
    if (t->kind == HV_BOXED && t->sub == HV_TB_URI)
        return uri_static(c, t);
    if (t->kind == HV_BOXED && t->sub == HV_TB_CREDENTIAL)
        return credential_static(c, t);
    if (t->kind == HV_BOXED && t->sub == HV_TB_STOPWATCH) {
        if (IS("StartNew") && c->n == 0)
            return ret(c, sw_new(true));
        if (IS("new") && c->n == 0)
            return ret(c, sw_new(false));
        if (IS("GetTimestamp") && c->n == 0)
            return ret(c, hv_long(mono_ticks() * 100));
        return 0;
    }
    if (tis(t, "System.Threading.Thread") && IS("Sleep") && c->n == 1) {
        int64_t ms;
        if (c->a[0].kind == HV_TIMESPAN)
            ms = c->a[0].u.i / 10000;
        else if (!a_int(c, 0, &ms))
            return -1;
        if (ms < -1)
            return throwf(c, "Number must be either non-negative and less than or equal to Int32.MaxValue or -1. (Parameter 'millisecondsTimeout')");
        struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000};
        while (ms > 0 && nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
        return ret(c, hv_null());
    }
    if (tis(t, "System.Net.Dns"))
        return dns_static(c);
    if (tis(t, "System.Reflection.Assembly") &&
        (IS("LoadWithPartialName") || IS("Load") || IS("LoadFrom") || IS("LoadFile")) &&
        c->n >= 1) {
        /* old scripts load Windows assemblies ([void][Reflection.Assembly]::
         * LoadWithPartialName('System.Windows.Forms')); none exist here. As in pwsh on
         * Linux, LoadWithPartialName gives $null; the others fail as .NET does. */
        if (IS("LoadWithPartialName"))
            return ret(c, hv_null());
        hv_value s = a_str(c, 0);
        int rc = throwf(c, "Could not load file or assembly '%s'. The system cannot find the file specified.",
                        hv_str_cstr(&s));
        hv_unref(s);
        return rc;
    }
    if (tis(t, "System.Management.Automation.WildcardPattern"))
        return wildcard_static(c);
    if (t->kind == HV_BOXED && t->sub == HV_TB_XML && IS("new") && hv_conv_xml() &&
        tis(t, "System.Xml.XmlNamespaceManager")) {
        if (c->n != 1 || !hv_conv_xml()->new_nsmgr)
            return no_overload(c);
        return ret(c, hv_conv_xml()->new_nsmgr());
    }
    if (t->kind == HV_BOXED && t->sub == HV_TB_XML && IS("new") && hv_conv_xml() &&
        hv_conv_xml()->new_doc) {
        if (c->n != 0)
            return no_overload(c);
        return ret(c, hv_conv_xml()->new_doc());
    }
    if (t->kind == HV_BOXED && t->sub == HV_TB_STRINGBUILDER) {
        if (!IS("new"))
            return 0;
        if (c->n > 2)
            return no_overload(c);
        int64_t cap = 0;
        if (c->n >= 1 && c->a[0].kind == HV_STRING) {
            if (c->n == 2 && !hv_conv_to_int64(&c->a[1], &cap, NULL))
                return no_overload(c);
            return ret(c, sb_new(hv_str_cstr(&c->a[0]), cap));
        }
        if (c->n == 1 && !hv_conv_to_int64(&c->a[0], &cap, NULL))
            return no_overload(c);
        return ret(c, sb_new(NULL, cap));
    }
    if (t->kind == HV_INT || t->kind == HV_DOUBLE)
        return numeric_static(c, t);
    if (t->kind == HV_ARRAY || t->kind == HV_TABLE)
        return collection_new(c, t);
    if (t->kind == HV_ENUM && IS("GetNames")) {
        hv_value ty = hv_type(t);
        call ec = {.name = name, .a = &ty, .n = 1, .out = out, .err = err};
        return enum_static(&ec);
    }
    return 0;
}
