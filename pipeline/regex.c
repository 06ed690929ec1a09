/* regex.c — .NET-flavoured regular expressions on pcre2 (8-bit, UTF + UCP mode).
 *
 * pcre2 already accepts most .NET syntax: (?<name>...), (?'name'...), \k<name>, lookaround,
 * atomic groups, inline (?imnsx), \p{L}; \uXXXX via PCRE2_ALT_BSUX. What differs is handled
 * here: .NET numbers named groups AFTER the unnamed ones (so $1 and $Matches[1] skip named
 * groups), and substitutions ($1 ${name} $$ $& $` $' $+ $_) are .NET's.
 * Known gaps: character-class subtraction [a-z-[aeiou]], balancing groups (?<a-b>...),
 * RightToLeft, \p{IsBlockName} block names, culture-specific case folding.
 * Compiled patterns live in a small direct-mapped cache keyed by (pattern, options); an
 * evicted entry is kept in a short graveyard so a pointer stays valid for a while. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"

struct hv_regex {
    pcre2_code *code;
    pcre2_match_data *md;
    char *pattern;
    unsigned opts;
    uint32_t hash;
    int ngroups;      /* .NET group count including 0 */
    int *net2pcre;    /* .NET group number -> pcre2 group number */
    char **names;     /* .NET group number -> name, or NULL when numbered */
};

enum { CACHE_SIZE = 256, GRAVE_SIZE = 256 }; /* a pointer outlives 256 later evictions */
static hv_regex *cache[CACHE_SIZE];
static hv_regex *grave[GRAVE_SIZE];
static unsigned grave_next;

static void
re_free(hv_regex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->md);
    pcre2_code_free(re->code);
    for (int i = 0; i < re->ngroups; i++)
        free(re->names[i]);
    free(re->names);
    free(re->net2pcre);
    free(re->pattern);
    free(re);
}

static void
retire(hv_regex *re)
{
    re_free(grave[grave_next]);
    grave[grave_next] = re;
    grave_next = (grave_next + 1) % GRAVE_SIZE;
}

/* .NET numbering: 0, unnamed groups left to right, then named groups left to right. */
static void
build_numbering(hv_regex *re)
{
    uint32_t cap = 0, namecount = 0, entsize = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &cap);
    pcre2_pattern_info(re->code, PCRE2_INFO_NAMECOUNT, &namecount);
    pcre2_pattern_info(re->code, PCRE2_INFO_NAMEENTRYSIZE, &entsize);
    pcre2_pattern_info(re->code, PCRE2_INFO_NAMETABLE, &table);
    char **pname = hv_xcalloc(cap + 1, sizeof(char *));
    for (uint32_t i = 0; i < namecount; i++) {
        PCRE2_SPTR e = table + i * entsize;
        int num = (e[0] << 8) | e[1];
        if (num >= 0 && (uint32_t)num <= cap && !pname[num])
            pname[num] = hv_xstrdup((const char *)e + 2);
    }
    re->ngroups = (int)cap + 1;
    re->net2pcre = hv_xcalloc(cap + 1, sizeof(int));
    re->names = hv_xcalloc(cap + 1, sizeof(char *));
    int n = 1;
    for (uint32_t i = 1; i <= cap; i++)
        if (!pname[i])
            re->net2pcre[n++] = (int)i;
    for (uint32_t i = 1; i <= cap; i++) {
        if (pname[i]) {
            re->names[n] = pname[i];
            re->net2pcre[n++] = (int)i;
        }
    }
    free(pname);
}

static hv_regex *
re_compile(const char *pattern, unsigned opts, hv_conv_err *err)
{
    uint32_t o = PCRE2_UTF | PCRE2_UCP | PCRE2_ALT_BSUX | PCRE2_MATCH_INVALID_UTF;
    if (opts & HV_RE_IGNORECASE)
        o |= PCRE2_CASELESS;
    if (opts & HV_RE_MULTILINE)
        o |= PCRE2_MULTILINE;
    if (opts & HV_RE_SINGLELINE)
        o |= PCRE2_DOTALL;
    if (opts & HV_RE_IGNOREWS)
        o |= PCRE2_EXTENDED;
    if (opts & HV_RE_EXPLICIT)
        o |= PCRE2_NO_AUTO_CAPTURE;
    int ec;
    PCRE2_SIZE eoff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, o, &ec, &eoff, NULL);
    if (!code) {
        if (err)
            snprintf(err->msg, sizeof err->msg,
                     "The regular expression pattern %.300s is not valid.", pattern);
        return NULL;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* best effort; falls back to the interpreter */
    hv_regex *re = hv_xcalloc(1, sizeof *re);
    re->code = code;
    re->md = pcre2_match_data_create_from_pattern(code, NULL);
    re->pattern = hv_xstrdup(pattern);
    re->opts = opts;
    build_numbering(re);
    return re;
}

hv_regex *
hv_regex_get_opts(const char *pattern, unsigned opts, hv_conv_err *err)
{
    opts &= ~(unsigned)(HV_RE_CULTUREINV | HV_RE_SIMPLEMATCH | HV_RE_REGEXMATCH);
    uint32_t h = 2166136261u;
    for (const char *q = pattern; *q; q++)
        h = (h ^ (unsigned char)*q) * 16777619u;
    h = h * 31u + opts;
    hv_regex **slot = &cache[h % CACHE_SIZE];
    hv_regex *re = *slot;
    if (re && re->hash == h && re->opts == opts && strcmp(re->pattern, pattern) == 0)
        return re;
    hv_regex *nre = re_compile(pattern, opts, err);
    if (!nre)
        return NULL;
    nre->hash = h;
    if (re)
        retire(re);
    *slot = nre;
    return nre;
}

hv_regex *
hv_regex_get(const char *pattern, bool case_sensitive, hv_conv_err *err)
{
    return hv_regex_get_opts(pattern, case_sensitive ? 0 : HV_RE_IGNORECASE, err);
}

const char *
hv_regex_pattern(const hv_regex *re)
{
    return re->pattern;
}

int
hv_regex_group_count(const hv_regex *re)
{
    return re->ngroups;
}

const char *
hv_regex_group_name(const hv_regex *re, int i)
{
    return i >= 0 && i < re->ngroups ? re->names[i] : NULL;
}

/* One match attempt from `start`; handles the empty-match-at-same-place rule through
 * `notempty_at`, the position where an empty match is not allowed (or SIZE_MAX). */
static bool
exec_at(hv_regex *re, const char *s, size_t len, size_t start, uint32_t flags)
{
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, flags, re->md, NULL);
    return rc >= 0;
}

static size_t
next_char(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len + 1;
    hv_utf8_next(s, len, &i);
    return i;
}

/* Iterator over successive matches, .NET style (empty matches allowed between chars). */
typedef struct {
    size_t pos;
    bool last_empty;
    bool done;
} miter;

static bool
miter_next(hv_regex *re, const char *s, size_t len, miter *it, size_t *ms, size_t *me)
{
    while (!it->done && it->pos <= len) {
        uint32_t fl = it->last_empty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        if (exec_at(re, s, len, it->pos, fl)) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
            *ms = ov[0];
            *me = ov[1];
            it->last_empty = ov[0] == ov[1];
            it->pos = ov[1];
            return true;
        }
        if (!it->last_empty) {
            it->done = true;
            return false;
        }
        /* the anchored non-empty retry failed: move one character on */
        it->last_empty = false;
        it->pos = next_char(s, len, it->pos);
        if (it->pos > len)
            break;
    }
    it->done = true;
    return false;
}

bool
hv_regex_exec(hv_regex *re, const char *s, size_t len, size_t start, size_t *ms, size_t *me)
{
    if (start > len || !exec_at(re, s, len, start, 0))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
    *ms = ov[0];
    *me = ov[1];
    return true;
}

/* Span of .NET group g in the last match; false when the group did not participate. */
static bool
group_span(const hv_regex *re, int g, size_t *a, size_t *b)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
    uint32_t n = pcre2_get_ovector_count(re->md);
    int p = re->net2pcre[g];
    if ((uint32_t)p >= n || ov[2 * p] == PCRE2_UNSET)
        return false;
    *a = ov[2 * p];
    *b = ov[2 * p + 1];
    return true;
}

static hv_value
group_key(const hv_regex *re, int g)
{
    return re->names[g] ? hv_str(re->names[g]) : hv_int(g);
}

/* $Matches: groups that took part, highest .NET number first (pwsh's display order). */
static hv_value
matches_table(const hv_regex *re, const char *s)
{
    hv_value t = hv_table_new(0);
    for (int g = re->ngroups - 1; g >= 0; g--) {
        size_t a, b;
        if (group_span(re, g, &a, &b))
            hv_table_set(&t, group_key(re, g), hv_strn(s + a, b - a));
    }
    return t;
}

bool
hv_regex_match(hv_regex *re, const char *s, size_t len, hv_value *matches_out)
{
    if (!exec_at(re, s, len, 0, 0))
        return false;
    if (matches_out)
        *matches_out = matches_table(re, s);
    return true;
}

/* ------------------------------------------------------------------ match objects */

static hv_value match_to_string(const hv_value *self);

static const char *const match_bases[] = {"System.Text.RegularExpressions.Group",
                                          "System.Text.RegularExpressions.Capture", NULL};
static const hv_obj_class match_class = {.type_name = "System.Text.RegularExpressions.Match",
                                         .base_types = match_bases,
                                         .to_string = match_to_string};
static const char *const group_bases[] = {"System.Text.RegularExpressions.Capture", NULL};
static const hv_obj_class group_class = {.type_name = "System.Text.RegularExpressions.Group",
                                         .base_types = group_bases,
                                         .to_string = match_to_string};

static hv_value
match_to_string(const hv_value *self)
{
    const hv_value *v = hv_obj_get(self, "Value");
    return v ? hv_ref(v) : hv_str_empty();
}

static void
fill_capture(hv_value *o, const char *s, bool ok, size_t a, size_t b, const char *name)
{
    hv_obj_set(o, "Success", hv_bool(ok));
    hv_obj_set(o, "Name", hv_str(name));
    hv_obj_set(o, "Captures", hv_array_new(0));
    hv_obj_set(o, "Index", hv_int(ok ? (int32_t)hv_utf16_len(s, a) : 0));
    hv_obj_set(o, "Length", hv_int(ok ? (int32_t)hv_utf16_len(s + a, b - a) : 0));
    hv_obj_set(o, "Value", ok ? hv_strn(s + a, b - a) : hv_str_empty());
}

static hv_value
build_match(const hv_regex *re, const char *s, bool ok)
{
    hv_value m = hv_obj_new(&match_class);
    hv_value groups = hv_table_new(HV_TABLE_ORDERED);
    for (int g = 0; ok && g < re->ngroups; g++) {
        size_t a = 0, b = 0;
        bool gok = group_span(re, g, &a, &b);
        hv_value go = hv_obj_new(&group_class);
        char num[16];
        snprintf(num, sizeof num, "%d", g);
        fill_capture(&go, s, gok, a, b, re->names[g] ? re->names[g] : num);
        hv_table_set(&groups, group_key(re, g), go);
    }
    hv_obj_set(&m, "Groups", groups);
    size_t a = 0, b = 0;
    if (ok)
        group_span(re, 0, &a, &b);
    fill_capture(&m, s, ok, a, b, "0");
    return m;
}

hv_value
hv_regex_match_object(hv_regex *re, const char *s, size_t len, size_t start)
{
    bool ok = start <= len && exec_at(re, s, len, start, 0);
    return build_match(re, s, ok);
}

hv_value
hv_regex_matches(hv_regex *re, const char *s, size_t len)
{
    hv_value arr = hv_array_new(4);
    miter it = {0};
    size_t ms, me;
    while (miter_next(re, s, len, &it, &ms, &me))
        hv_array_push(&arr, build_match(re, s, true));
    return arr;
}

/* ------------------------------------------------------------------ replace */

static int
group_by_name(const hv_regex *re, const char *name, size_t n)
{
    for (int g = 1; g < re->ngroups; g++)
        if (re->names[g] && strlen(re->names[g]) == n && memcmp(re->names[g], name, n) == 0)
            return g;
    bool digits = n > 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9')
            digits = false;
        else if (v < 100000)
            v = v * 10 + (name[i] - '0');
    }
    return digits && v < re->ngroups ? v : -1;
}

static void
put_group(hv_buf *b, const hv_regex *re, const char *s, int g)
{
    size_t x, y;
    if (group_span(re, g, &x, &y))
        hv_buf_put(b, s + x, y - x);
}

/* One .NET substitution element at repl[*i] == '$'; appends its expansion. */
static void
substitute(hv_buf *b, const hv_regex *re, const char *s, size_t len, const char *repl,
           size_t *i)
{
    const char *p = repl + *i + 1;
    size_t ms, me;
    group_span(re, 0, &ms, &me);
    switch (*p) {
    case '$':
        hv_buf_putc(b, '$');
        *i += 2;
        return;
    case '&':
        hv_buf_put(b, s + ms, me - ms);
        *i += 2;
        return;
    case '`':
        hv_buf_put(b, s, ms);
        *i += 2;
        return;
    case '\'':
        hv_buf_put(b, s + me, len - me);
        *i += 2;
        return;
    case '_':
        hv_buf_put(b, s, len);
        *i += 2;
        return;
    case '+': {
        int last = 0;
        for (int g = re->ngroups - 1; g > 0; g--) {
            size_t x, y;
            if (group_span(re, g, &x, &y)) {
                last = g;
                break;
            }
        }
        if (last)
            put_group(b, re, s, last);
        *i += 2;
        return;
    }
    case '{': {
        const char *close = strchr(p, '}');
        int g = close ? group_by_name(re, p + 1, (size_t)(close - p - 1)) : -1;
        if (g >= 0) {
            put_group(b, re, s, g);
            *i += (size_t)(close - (repl + *i)) + 1;
            return;
        }
        break;
    }
    default:
        if (*p >= '0' && *p <= '9') {
            /* the longest digit run naming an existing group */
            size_t n = 0;
            while (p[n] >= '0' && p[n] <= '9')
                n++;
            for (; n > 0; n--) {
                int g = group_by_name(re, p, n);
                if (g >= 0) {
                    put_group(b, re, s, g);
                    *i += 1 + n;
                    return;
                }
            }
        }
        break;
    }
    hv_buf_putc(b, '$');
    *i += 1;
}

hv_value
hv_regex_replace_n(hv_regex *re, const char *s, size_t len, const char *repl, int count)
{
    hv_buf b = {0};
    size_t rlen = strlen(repl);
    bool plain = !memchr(repl, '$', rlen);
    miter it = {0};
    size_t ms, me, prev = 0;
    int done = 0;
    while ((count < 0 || done < count) && miter_next(re, s, len, &it, &ms, &me)) {
        hv_buf_put(&b, s + prev, ms - prev);
        if (plain) {
            hv_buf_put(&b, repl, rlen);
        } else {
            for (size_t i = 0; i < rlen;) {
                if (repl[i] == '$' && i + 1 < rlen) {
                    substitute(&b, re, s, len, repl, &i);
                } else {
                    hv_buf_putc(&b, repl[i]);
                    i++;
                }
            }
        }
        prev = me;
        done++;
    }
    if (done == 0) {
        hv_buf_free(&b);
        return hv_strn(s, len);
    }
    hv_buf_put(&b, s + prev, len - prev);
    return hv_buf_finish(&b);
}

bool
hv_regex_replace_cb(hv_regex *re, const char *s, size_t len, hv_regex_replace_fn fn, void *ud,
                    hv_value *out)
{
    hv_buf b = {0};
    miter it = {0};
    size_t ms, me, prev = 0;
    while (miter_next(re, s, len, &it, &ms, &me)) {
        hv_buf_put(&b, s + prev, ms - prev);
        /* the callback may run other regexes: keep this match's state in the Match object */
        hv_value m = build_match(re, s, true);
        miter saved = it;
        hv_value r;
        bool ok = fn(ud, &m, &r);
        hv_unref(m);
        if (!ok) {
            hv_buf_free(&b);
            return false;
        }
        hv_conv_append_string(&b, &r, NULL);
        hv_unref(r);
        it = saved;
        prev = me;
    }
    hv_buf_put(&b, s + prev, len - prev);
    *out = hv_buf_finish(&b);
    return true;
}

hv_value
hv_regex_replace(hv_regex *re, const char *s, size_t len, const char *repl)
{
    return hv_regex_replace_n(re, s, len, repl, -1);
}

/* ------------------------------------------------------------------ split */

/* Pieces between matches (captured groups included, as .NET's Regex.Split). max > 0 limits
 * the number of pieces from the left; max < 0 from the right (pwsh 7's -split); 0 = all. */
typedef struct {
    size_t ms, me;
    size_t ng;
    size_t *gspan; /* 2 per group that took part */
} split_match;

hv_value
hv_regex_split(hv_regex *re, const char *s, size_t len, int max)
{
    split_match *ml = NULL;
    size_t n = 0, cap = 0;
    miter it = {0};
    size_t ms, me;
    while ((max <= 0 || n + 1 < (size_t)max) && miter_next(re, s, len, &it, &ms, &me)) {
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            ml = hv_xrealloc(ml, cap * sizeof *ml);
        }
        split_match *m = &ml[n++];
        m->ms = ms;
        m->me = me;
        m->ng = 0;
        m->gspan = re->ngroups > 1 ? hv_xmalloc(2 * (size_t)re->ngroups * sizeof(size_t)) : NULL;
        for (int g = 1; g < re->ngroups; g++) {
            size_t x, y;
            if (group_span(re, g, &x, &y)) {
                m->gspan[2 * m->ng] = x;
                m->gspan[2 * m->ng + 1] = y;
                m->ng++;
            }
        }
    }
    size_t first = 0;
    if (max < 0 && n + 1 > (size_t)-max)
        first = n + 1 - (size_t)-max; /* keep the last |max|-1 separators */
    hv_value out = hv_array_new(n + 1);
    size_t prev = 0;
    for (size_t k = first; k < n; k++) {
        hv_array_push(&out, hv_strn(s + prev, ml[k].ms - prev));
        for (size_t g = 0; g < ml[k].ng; g++)
            hv_array_push(&out, hv_strn(s + ml[k].gspan[2 * g], ml[k].gspan[2 * g + 1] - ml[k].gspan[2 * g]));
        prev = ml[k].me;
    }
    hv_array_push(&out, hv_strn(s + prev, len - prev));
    for (size_t k = 0; k < n; k++)
        free(ml[k].gspan);
    free(ml);
    return out;
}

/* ------------------------------------------------------------------ escape, [regex] */

hv_value
hv_regex_escape(const char *s)
{
    hv_buf b = {0};
    for (; *s; s++) {
        switch (*s) {
        case '\\': case '*': case '+': case '?': case '|': case '{': case '[': case '(':
        case ')': case '^': case '$': case '.': case '#':
            hv_buf_putc(&b, '\\');
            hv_buf_putc(&b, *s);
            break;
        case ' ':
            hv_buf_puts(&b, "\\ ");
            break;
        case '\t':
            hv_buf_puts(&b, "\\t");
            break;
        case '\n':
            hv_buf_puts(&b, "\\n");
            break;
        case '\r':
            hv_buf_puts(&b, "\\r");
            break;
        case '\f':
            hv_buf_puts(&b, "\\f");
            break;
        default:
            hv_buf_putc(&b, *s);
        }
    }
    return hv_buf_finish(&b);
}

typedef struct {
    char *pattern;
    unsigned opts;
} regex_box;

static void
regex_box_free(void *p)
{
    regex_box *r = p;
    free(r->pattern);
    free(r);
}

static hv_value
regex_box_str(const void *p)
{
    return hv_str(((const regex_box *)p)->pattern);
}

const hv_boxed_class hv_regex_class = {.type_name = "System.Text.RegularExpressions.Regex",
                                       .free = regex_box_free, .to_string = regex_box_str};

hv_value
hv_regex_value(const char *pattern, unsigned opts)
{
    regex_box *r = hv_xmalloc(sizeof *r);
    r->pattern = hv_xstrdup(pattern);
    r->opts = opts;
    return hv_boxed_new(&hv_regex_class, r);
}

hv_regex *
hv_regex_of(const hv_value *v, hv_conv_err *err)
{
    if (v->kind == HV_BOXED && hv_boxed_class_of(v) == &hv_regex_class) {
        const regex_box *r = hv_boxed_ptr(v);
        return hv_regex_get_opts(r->pattern, r->opts, err);
    }
    hv_value s = hv_conv_to_string(v, NULL);
    hv_regex *re = hv_regex_get_opts(hv_str_cstr(&s), HV_RE_IGNORECASE, err);
    hv_unref(s);
    return re;
}
