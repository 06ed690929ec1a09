/* format.c — pwsh 7.4's Out-Default rendering: scalars, tables, lists, wide, format requests.
 *
 * The algorithms follow PowerShell's FormatAndOutput code (OutCommandInner, TableWriter,
 * ColumnWidthManager, ListWriter): a table whose first column has no declared width is
 * autosized from the buffered rows (pwsh buffers 300 ms; we have the whole batch), then
 * columns are fitted to the screen by shrinking/hiding from the right; the dashes under a
 * label are as long as the label; the last column is never padded; truncation ends with
 * "…". A format sequence starts with a blank line and (tables, wide) ends with one; each
 * list entry ends with a blank line. Objects that do not fit the current view are shown
 * out of band (scalars as lines, other objects as a list block), as pwsh's single
 * Out-Default does for mixed output.
 */
#include "pipeline/format.h"
#include "pipeline/errors.h"

#include <stdlib.h>
#include <string.h>

/* ======================================================================================
 * Display cells
 * ====================================================================================== */
static int
cp_cells(uint32_t cp)
{
    if (cp < 0x300)
        return cp == 0 ? 0 : 1;
    if ((cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

size_t
hv_fmt_cells(const char *s, size_t n)
{
    size_t i = 0, w = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            w += s[i] != 0;
            i++;
            continue;
        }
        w += (size_t)cp_cells(hv_utf8_next(s, n, &i));
    }
    return w;
}

static int
cells(const char *s)
{
    return (int)hv_fmt_cells(s, strlen(s));
}

/* Bytes of the longest prefix of s that fits in max cells. */
static size_t
head_bytes(const char *s, size_t n, int max)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        size_t j = i;
        int c = cp_cells(hv_utf8_next(s, n, &j));
        if (w + c > max)
            break;
        w += c;
        i = j;
    }
    return i;
}

/* Byte offset of the longest suffix of s that fits in max cells. */
static size_t
tail_start(const char *s, size_t n, int max)
{
    int total = (int)hv_fmt_cells(s, n);
    size_t i = 0;
    while (i < n && total > max) {
        total -= cp_cells(hv_utf8_next(s, n, &i));
    }
    return i;
}

static void
pad(hv_buf *b, int n)
{
    while (n-- > 0)
        hv_buf_putc(b, ' ');
}

static void
rtrim_buf(hv_buf *b, size_t from)
{
    while (b->len > from && b->data[b->len - 1] == ' ')
        b->len--;
}

/* ======================================================================================
 * Values as cell text
 * ====================================================================================== */
static int
enum_limit(hv_ctx *ctx)
{
    hv_value v = hv_var_get(ctx, "FormatEnumerationLimit");
    int64_t n = 4;
    if (v.kind == HV_INT)
        n = hv_int_of(&v);
    hv_unref(v);
    return (int)n;
}

static void
date_append(hv_buf *b, const hv_value *v)
{
    hv_value s = hv_dt_format(v->u.i, (hv_dtkind)v->sub, "M/d/yyyy h:mm:ss tt");
    if (s.kind == HV_STRING)
        hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
    hv_unref(s);
}

/* An element inside {…}: nested collections show their type name, as .NET ToString does. */
static void
elem_append(hv_buf *b, const hv_value *v)
{
    switch (v->kind) {
    case HV_ARRAY:
        hv_buf_puts(b, "System.Object[]");
        break;
    case HV_TABLE:
        hv_buf_puts(b, hv_type_name_of(v));
        break;
    case HV_DATETIME:
        date_append(b, v);
        break;
    default:
        hv_conv_append_string(b, v, NULL);
        break;
    }
}

void
hv_fmt_cell_append(hv_ctx *ctx, hv_buf *b, const hv_value *v)
{
    switch (v->kind) {
    case HV_NULL:
        return;
    case HV_STRING:
        hv_buf_put(b, hv_str_cstr(v), hv_str_len(v));
        return;
    case HV_DATETIME:
        date_append(b, v);
        return;
    case HV_ARRAY: {
        int limit = enum_limit(ctx);
        size_t n = hv_array_len(v);
        hv_buf_putc(b, '{');
        for (size_t i = 0; i < n; i++) {
            if (limit >= 0 && (int)i >= limit) {
                hv_buf_puts(b, "\xe2\x80\xa6");
                break;
            }
            if (i)
                hv_buf_puts(b, ", ");
            elem_append(b, hv_array_at(v, i));
        }
        hv_buf_putc(b, '}');
        return;
    }
    case HV_TABLE: {
        /* A dictionary enumerates DictionaryEntry values: "[key, value]". */
        int limit = enum_limit(ctx);
        const hv_value *k, *val;
        int i = 0;
        hv_buf_putc(b, '{');
        for (size_t it = 0; hv_table_next(v, &it, &k, &val); i++) {
            if (limit >= 0 && i >= limit) {
                hv_buf_puts(b, "\xe2\x80\xa6");
                break;
            }
            if (i)
                hv_buf_puts(b, ", ");
            hv_buf_putc(b, '[');
            elem_append(b, k);
            hv_buf_puts(b, ", ");
            elem_append(b, val);
            hv_buf_putc(b, ']');
        }
        hv_buf_putc(b, '}');
        return;
    }
    default:
        hv_conv_append_string(b, v, NULL);
        return;
    }
}

static char *
cell_text(hv_ctx *ctx, const hv_value *v)
{
    hv_buf b = {0};
    hv_fmt_cell_append(ctx, &b, v);
    hv_buf_putc(&b, 0);
    return b.data;
}

/* pwsh right-aligns columns whose first value is a number, bool or char (DefaultScalarTypes
 * minus String). */
static int
default_align(const hv_value *v)
{
    switch (v->kind) {
    case HV_INT:
    case HV_DOUBLE:
    case HV_BOOL:
    case HV_CHAR:
        return 1;
    default:
        return -1;
    }
}

/* ======================================================================================
 * Line generation (StringManipulationHelper.GenerateLines, en culture: word wrap)
 * ====================================================================================== */
typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static void
sv_push(strvec *sv, char *s)
{
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 4;
        sv->v = hv_xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = s;
}

static void
sv_free(strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

/* One physical line (no newline inside) wrapped at `width` cells, as pwsh's
 * GenerateLinesWithWordWrap does it: each word keeps its delimiter (so wrapped lines keep a
 * trailing blank), a word that does not fit starts the next line, and a word wider than a
 * whole line is cut character by character (a wide character that can never fit shows as
 * '?'). */
static void
wrap_line(strvec *out, const char *s, size_t n, int width)
{
    if (width < 1)
        width = 1;
    if ((int)hv_fmt_cells(s, n) <= width) {
        sv_push(out, hv_xstrndup(s, n));
        return;
    }
    hv_buf line = {0};
    int left = width;
    size_t i = 0;
    while (i < n) {
        size_t ws = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i < n)
            i++; /* the word keeps its delimiter */
        const char *word = s + ws;
        size_t wn = i - ws;
        int ww = (int)hv_fmt_cells(word, wn);
        if (ww > width) {
            size_t j = 0;
            while (j < wn) {
                size_t cs = j;
                uint32_t cp = hv_utf8_next(word, wn, &j);
                int cw = cp_cells(cp);
                const char *cstr = word + cs;
                size_t clen = j - cs;
                if (cw > width) {
                    cstr = "?";
                    clen = 1;
                    cw = 1;
                }
                if (cw > left) {
                    hv_buf_putc(&line, 0);
                    sv_push(out, line.data);
                    line = (hv_buf){0};
                    hv_buf_put(&line, cstr, clen);
                    left = width - cw;
                } else {
                    hv_buf_put(&line, cstr, clen);
                    left -= cw;
                }
            }
        } else if (ww > left) {
            hv_buf_putc(&line, 0);
            sv_push(out, line.data);
            line = (hv_buf){0};
            hv_buf_put(&line, word, wn);
            left = width - ww;
        } else {
            hv_buf_put(&line, word, wn);
            left -= ww;
        }
    }
    hv_buf_putc(&line, 0);
    sv_push(out, line.data);
}

static void
gen_lines(strvec *out, const char *s, int width)
{
    size_t n = strlen(s);
    if (n == 0) {
        sv_push(out, hv_xstrdup(""));
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            size_t e = i;
            if (e > start && s[e - 1] == '\r')
                e--;
            wrap_line(out, s + start, e - start, width);
            start = i + 1;
        }
    }
}

/* ======================================================================================
 * TableWriter
 * ====================================================================================== */
typedef struct {
    size_t ncols;
    int *widths; /* <= 0: hidden */
    int *aligns; /* -1 left, 1 right */
    bool hide_header;
    bool disabled;
} twriter;

/* ColumnWidthManager.CalculateColumnWidths */
static void
fit_columns(int *w, size_t n, int table_width)
{
    bool all = true;
    int sum = 0;
    for (size_t k = 0; k < n; k++) {
        if (w[k] <= 0) {
            all = false;
            break;
        }
        sum += w[k];
    }
    if (all) {
        if (sum + (int)(n - 1) <= table_width)
            return;
    } else {
        bool *fixed = hv_xcalloc(n, sizeof *fixed);
        for (size_t k = 0; k < n; k++) {
            fixed[k] = w[k] > 0;
            if (w[k] == 0)
                w[k] = 1;
        }
        int cur = 0, vis = 0;
        for (size_t k = 0; k < n; k++)
            if (w[k] > 0) {
                cur += w[k];
                vis++;
            }
        cur += vis - 1;
        int avail = table_width - cur;
        if (avail >= 0) {
            while (avail > 0) {
                bool any = false;
                for (size_t k = 0; k < n && avail > 0; k++) {
                    if (fixed[k])
                        continue;
                    w[k]++;
                    avail--;
                    any = true;
                }
                if (!any)
                    break;
            }
            free(fixed);
            return;
        }
        free(fixed);
    }
    /* TrimToFit: shrink or hide the last visible column until the table fits. */
    for (;;) {
        int cur = 0, vis = 0;
        for (size_t k = 0; k < n; k++)
            if (w[k] > 0) {
                cur += w[k];
                vis++;
            }
        cur += vis - 1;
        int excess = cur - table_width;
        if (excess <= 0)
            return;
        int last = (int)n - 1;
        for (size_t k = 0; k < n; k++)
            if (w[k] < 0) {
                last = (int)k - 1;
                break;
            }
        if (last < 0)
            return;
        if (w[last] - excess < 1)
            w[last] = -1;
        else
            w[last] -= excess;
    }
}

/* TableWriter.GenerateRowField */
static void
row_field(hv_buf *b, const char *val, int width, int align, bool addpad)
{
    size_t n = strlen(val);
    char *cut = NULL;
    const char *nl = memchr(val, '\n', n);
    const char *cr = memchr(val, '\r', n);
    if (cr && (!nl || cr < nl))
        nl = cr;
    if (nl) { /* TruncateAtNewLine */
        size_t k = (size_t)(nl - val);
        cut = hv_xmalloc(k + 4);
        memcpy(cut, val, k);
        memcpy(cut + k, "\xe2\x80\xa6", 4);
        val = cut;
        n = k + 3;
    }
    int len = (int)hv_fmt_cells(val, n);
    size_t start = b->len;
    if (len < width) {
        if (align > 0) {
            pad(b, width - len);
            hv_buf_put(b, val, n);
        } else {
            hv_buf_put(b, val, n);
            if (addpad)
                pad(b, width - len);
        }
    } else if (len > width) {
        int keep = width - 1;
        if (keep > 0) {
            if (align > 0) {
                hv_buf_puts(b, "\xe2\x80\xa6");
                size_t off = tail_start(val, n, keep);
                hv_buf_put(b, val + off, n - off);
            } else {
                hv_buf_put(b, val, head_bytes(val, n, keep));
                hv_buf_puts(b, "\xe2\x80\xa6");
            }
        } else {
            if (align > 0) {
                size_t off = tail_start(val, n, width);
                hv_buf_put(b, val + off, n - off);
            } else {
                hv_buf_put(b, val, head_bytes(val, n, width));
            }
        }
        int got = (int)hv_fmt_cells(b->data + start, b->len - start);
        if (got < width) { /* a wide character was cut: pad by one */
            if (align > 0) {
                hv_buf_putc(b, 0); /* make room, then shift */
                memmove(b->data + start + 1, b->data + start, b->len - start - 1);
                b->data[start] = ' ';
            } else if (addpad) {
                hv_buf_putc(b, ' ');
            }
        }
    } else {
        hv_buf_put(b, val, n);
    }
    free(cut);
}

static size_t
last_visible(const twriter *tw)
{
    size_t last = 0;
    for (size_t k = 0; k < tw->ncols; k++)
        if (tw->widths[k] > 0)
            last = k;
    return last;
}

/* TableWriter.GenerateRow (single line per row) */
static void
gen_row(hv_buf *out, const twriter *tw, char **vals)
{
    bool first = true;
    size_t last = last_visible(tw);
    for (size_t k = 0; k < tw->ncols; k++) {
        if (tw->widths[k] <= 0)
            continue;
        if (!first)
            hv_buf_putc(out, ' ');
        first = false;
        row_field(out, vals[k] ? vals[k] : "", tw->widths[k], tw->aligns[k], k != last);
    }
    hv_buf_putc(out, '\n');
}

/* TableWriter.GenerateTableRow (fields wrap onto several lines) */
static void
gen_row_multi(hv_buf *out, const twriter *tw, char **vals)
{
    size_t nv = 0;
    size_t *vis = hv_xmalloc(tw->ncols * sizeof *vis);
    for (size_t k = 0; k < tw->ncols; k++)
        if (tw->widths[k] > 0)
            vis[nv++] = k;
    if (nv == 0) {
        free(vis);
        return;
    }
    strvec *sc = hv_xcalloc(nv, sizeof *sc);
    size_t rows = 0;
    for (size_t c = 0; c < nv; c++) {
        size_t k = vis[c];
        bool addpad = c != nv - 1;
        strvec raw = {0};
        gen_lines(&raw, vals[k] ? vals[k] : "", tw->widths[k]);
        for (size_t r = 0; r < raw.n; r++) {
            hv_buf f = {0};
            if (c > 0)
                hv_buf_putc(&f, ' ');
            int len = cells(raw.v[r]);
            if ((addpad || tw->aligns[k] > 0) && len < tw->widths[k])
                row_field(&f, raw.v[r], tw->widths[k], tw->aligns[k], addpad);
            else
                hv_buf_puts(&f, raw.v[r]);
            hv_buf_putc(&f, 0);
            sv_push(&sc[c], f.data);
        }
        sv_free(&raw);
        if (sc[c].n > rows)
            rows = sc[c].n;
    }
    size_t *lastc = hv_xcalloc(rows, sizeof *lastc);
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < nv; c++)
            if (sc[c].n > r)
                lastc[r] = c;
    for (size_t r = 0; r < rows; r++) {
        size_t start = out->len;
        for (size_t c = 0; c < nv; c++) {
            if (r < sc[c].n) {
                hv_buf_puts(out, sc[c].v[r]);
            } else if (c <= lastc[r] && c < nv - 1) {
                pad(out, tw->widths[vis[c]] + (c > 0 ? 1 : 0));
            }
            if (c == lastc[r] && rows > 1) {
                rtrim_buf(out, start);
                break;
            }
        }
        hv_buf_putc(out, '\n');
    }
    for (size_t c = 0; c < nv; c++)
        sv_free(&sc[c]);
    free(sc);
    free(lastc);
    free(vis);
}

static void
gen_header(hv_buf *out, const twriter *tw, char **labels)
{
    if (tw->hide_header)
        return;
    gen_row_multi(out, tw, labels);
    char **dashes = hv_xcalloc(tw->ncols, sizeof *dashes);
    for (size_t k = 0; k < tw->ncols; k++) {
        int count = tw->widths[k];
        if (count <= 0) {
            dashes[k] = hv_xstrdup("");
            continue;
        }
        int lc = labels[k] ? cells(labels[k]) : 0;
        if (labels[k] && labels[k][0] && lc < count)
            count = lc;
        dashes[k] = hv_xmalloc((size_t)count + 1);
        memset(dashes[k], '-', (size_t)count);
        dashes[k][count] = 0;
    }
    gen_row(out, tw, dashes);
    for (size_t k = 0; k < tw->ncols; k++)
        free(dashes[k]);
    free(dashes);
}

/* ======================================================================================
 * ListWriter
 * ====================================================================================== */
static void
write_list(hv_buf *out, char **names, char **vals, size_t n, int width)
{
    if (n == 0)
        return;
    int maxl = 0;
    for (size_t k = 0; k < n; k++) {
        int c = cells(names[k]);
        if (c > maxl)
            maxl = c;
    }
    int allow = width - 3 - 1;
    if (allow < 1)
        return;
    if (maxl > allow)
        maxl = allow;
    int labw = maxl + 3;
    int field = width - labw;
    for (size_t k = 0; k < n; k++) {
        hv_buf lab = {0};
        int c = cells(names[k]);
        if (c <= maxl) {
            hv_buf_puts(&lab, names[k]);
            pad(&lab, maxl - c);
        } else {
            hv_buf_put(&lab, names[k], head_bytes(names[k], strlen(names[k]), maxl));
        }
        hv_buf_puts(&lab, " : ");
        hv_buf_putc(&lab, 0);
        const char *v = vals[k] ? vals[k] : "";
        /* embedded newlines first, then wrap each line to the field width */
        strvec phys = {0};
        size_t vn = strlen(v), st = 0;
        if (vn == 0)
            sv_push(&phys, hv_xstrdup(""));
        for (size_t i = 0; i < vn + (vn ? 1 : 0); i++) {
            if (i == vn || v[i] == '\n') {
                size_t e = i;
                if (e > st && v[e - 1] == '\r')
                    e--;
                sv_push(&phys, hv_xstrndup(v + st, e - st));
                st = i + 1;
            }
        }
        for (size_t p = 0; p < phys.n; p++) {
            strvec lines = {0};
            if (phys.v[p][0] == 0)
                sv_push(&lines, hv_xstrdup(""));
            else
                wrap_line(&lines, phys.v[p], strlen(phys.v[p]), field);
            for (size_t l = 0; l < lines.n; l++) {
                if (p == 0 && l == 0)
                    hv_buf_puts(out, lab.data);
                else
                    pad(out, labw);
                hv_buf_puts(out, lines.v[l]);
                hv_buf_putc(out, '\n');
            }
            sv_free(&lines);
        }
        sv_free(&phys);
        hv_buf_free(&lab);
    }
}

/* ======================================================================================
 * Shapes of values
 * ====================================================================================== */
static bool
is_error_record(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return false;
    size_t n = hv_obj_typename_count(v);
    for (size_t i = 0; i < n; i++)
        if (strcmp(hv_obj_typename_at(v, i), "System.Management.Automation.ErrorRecord") == 0)
            return true;
    return false;
}

static bool
is_request(const hv_value *v)
{
    return v->kind == HV_OBJECT && hv_obj_typename_count(v) > 0 &&
           strcmp(hv_obj_typename_at(v, 0), HV_FMT_REQUEST_TYPE) == 0;
}

/* Boxed .NET values whose default view is a table of their properties ([guid] shows a
 * "Guid" column, [version] Major/Minor/Build/Revision); NULL for the others (shown as
 * text). */
static const char *const *
boxed_props(const hv_value *v)
{
    static const char *const guid[] = {"Guid", NULL};
    static const char *const version[] = {"Major", "Minor", "Build", "Revision", NULL};
    const hv_boxed_class *bc = v->kind == HV_BOXED ? hv_boxed_class_of(v) : NULL;
    if (!bc || !bc->type_name)
        return NULL;
    if (strcmp(bc->type_name, "System.Guid") == 0)
        return guid;
    if (strcmp(bc->type_name, "System.Version") == 0)
        return version;
    return NULL;
}

/* Values printed as one line of text (out of band). */
static bool
is_scalar(const hv_value *v)
{
    switch (v->kind) {
    case HV_OBJECT:
        return is_error_record(v);
    case HV_BOXED:
        return boxed_props(v) == NULL;
    case HV_TABLE:
    case HV_TIMESPAN:
    case HV_TYPE:
    case HV_ARRAY:
    case HV_DATETIME:
        return false;
    default:
        return true;
    }
}

static void
scalar_append(hv_ctx *ctx, hv_buf *b, const hv_value *v)
{
    (void)ctx;
    if (v->kind == HV_DATETIME) {
        /* DateTime's default view: long date + long time (en-US), or one of them per the
         * DisplayHint Get-Date stores in the pad field (1 = Date, 2 = Time). */
        const char *f = v->pad == 1   ? "dddd, MMMM d, yyyy"
                        : v->pad == 2 ? "h:mm:ss tt"
                                      : "dddd, MMMM d, yyyy h:mm:ss tt";
        hv_value s = hv_dt_format(v->u.i, (hv_dtkind)v->sub, f);
        if (s.kind == HV_STRING)
            hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
        hv_unref(s);
        return;
    }
    hv_conv_append_string(b, v, NULL);
}

/* ---- type literal view (System.RuntimeType table) ---- */
static const char *
type_short_name(const char *full)
{
    const char *dot = strrchr(full, '.');
    if (!dot)
        return full;
    /* generic names like System.Collections.Generic.List`1[[...]] keep their tail */
    return dot + 1;
}

static const char *
type_base_name(const hv_type_info *t)
{
    if (t->element)
        return "System.Array";
    if (t->enum_def)
        return "System.Enum";
    switch (t->kind) {
    case HV_BOOL:
    case HV_INT:
    case HV_DOUBLE:
    case HV_CHAR:
    case HV_DATETIME:
    case HV_TIMESPAN:
        return "System.ValueType";
    case HV_ARRAY:
        return "System.Array";
    case HV_NULL:
        return "";
    default:
        return "System.Object";
    }
}

/* ======================================================================================
 * Format groups: a view opened by the first object, rows/entries, out-of-band items
 * ====================================================================================== */
typedef enum { SH_TABLE, SH_LIST, SH_WIDE, SH_COMPLEX } shape;
typedef enum { IT_ROW, IT_TEXT, IT_LIST, IT_GROUP } item_kind;

typedef struct {
    item_kind kind;
    char **a; /* ROW: ncols cells; LIST: names */
    char **b; /* LIST: values */
    size_t n; /* LIST: count */
    char *text; /* TEXT: a line without "\n"; GROUP: header text */
} item;

typedef struct {
    shape sh;
    size_t ncols;
    char **labels;
    const char **props;          /* auto tables: property names (borrowed) */
    const hv_view_column *vcols; /* class view columns */
    int *widths;                 /* declared (0 = auto) */
    int *aligns;                 /* 0 = from first row */
    bool autosize, wrap, hide_header;
    int wide_cols;
    /* applicability */
    int view_kind; /* 0 auto (any object), 1 class view (same class), 2 hashtable, 3 type */
    const hv_obj_class *cls;
    const char *group_prop;      /* class views grouped by a property (Get-Member) */
    const hv_boxed_class *boxed; /* view_kind 6: boxed values of this class */
    char *last_group;
    item *items;
    size_t nitems, cap;
} fgroup;

static void
g_add(fgroup *g, item it)
{
    if (g->nitems == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        g->items = hv_xrealloc(g->items, g->cap * sizeof *g->items);
    }
    g->items[g->nitems++] = it;
}

static void
g_free(fgroup *g)
{
    for (size_t i = 0; i < g->nitems; i++) {
        item *it = &g->items[i];
        size_t n = it->kind == IT_ROW ? g->ncols : it->n;
        if (it->a)
            for (size_t k = 0; k < n; k++)
                free(it->a[k]);
        if (it->b)
            for (size_t k = 0; k < n; k++)
                free(it->b[k]);
        free(it->a);
        free(it->b);
        free(it->text);
    }
    free(g->items);
    for (size_t k = 0; k < g->ncols; k++)
        free(g->labels ? g->labels[k] : NULL);
    free(g->labels);
    free(g->props);
    free(g->widths);
    free(g->aligns);
    free(g->last_group);
    memset(g, 0, sizeof *g);
}

static void
g_text(fgroup *g, char *text)
{
    g_add(g, (item){.kind = IT_TEXT, .text = text});
}

/* Properties an object shows by default: class default set, else all. */
static size_t
obj_props(const hv_value *o, const char ***out)
{
    const hv_obj_class *cls = hv_obj_class_of(o);
    const char **names;
    size_t n = 0;
    if (cls && cls->default_props) {
        while (cls->default_props[n])
            n++;
        names = hv_xcalloc(n + 1, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = cls->default_props[i];
    } else {
        n = hv_obj_count(o);
        names = hv_xcalloc(n + 1, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = hv_obj_name_at(o, i);
    }
    *out = names;
    return n;
}

static char *
member_text(hv_ctx *ctx, const hv_value *o, const char *name, hv_value *raw)
{
    hv_value v = hv_get_member(ctx, o, name);
    char *s = cell_text(ctx, &v);
    if (raw)
        *raw = v;
    else
        hv_unref(v);
    return s;
}

/* An object as a list entry (its own properties, or its class's list view). */
static item
list_item(hv_ctx *ctx, const hv_value *o)
{
    item it = {.kind = IT_LIST};
    if (o->kind == HV_TIMESPAN) {
        static const char *const tsn[] = {"Days", "Hours", "Minutes", "Seconds", "Milliseconds",
                                          "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
                                          "TotalSeconds", "TotalMilliseconds"};
        int64_t t = o->u.i;
        it.n = 11;
        it.a = hv_xcalloc(it.n, sizeof *it.a);
        it.b = hv_xcalloc(it.n, sizeof *it.b);
        hv_value vals[11] = {
            hv_int((int32_t)(t / 864000000000LL)),
            hv_int((int32_t)(t / 36000000000LL % 24)),
            hv_int((int32_t)(t / 600000000LL % 60)),
            hv_int((int32_t)(t / 10000000LL % 60)),
            hv_int((int32_t)(t / 10000LL % 1000)),
            hv_long(t),
            hv_double((double)t / 864000000000.0),
            hv_double((double)t / 36000000000.0),
            hv_double((double)t / 600000000.0),
            hv_double((double)t / 10000000.0),
            hv_double((double)t / 10000.0),
        };
        for (size_t i = 0; i < 11; i++) {
            it.a[i] = hv_xstrdup(tsn[i]);
            it.b[i] = cell_text(ctx, &vals[i]);
        }
        return it;
    }
    if (o->kind == HV_TABLE) {
        /* A lone dictionary out of band: its entries as Name/Value pairs. */
        size_t n = hv_table_count(o), i = 0;
        it.n = n;
        it.a = hv_xcalloc(n + 1, sizeof *it.a);
        it.b = hv_xcalloc(n + 1, sizeof *it.b);
        const hv_value *k, *v;
        for (size_t iter = 0; hv_table_next(o, &iter, &k, &v) && i < n; i++) {
            it.a[i] = cell_text(ctx, k);
            it.b[i] = cell_text(ctx, v);
        }
        return it;
    }
    if (o->kind == HV_BOXED && boxed_props(o)) {
        const char *const *bp = boxed_props(o);
        while (bp[it.n])
            it.n++;
        it.a = hv_xcalloc(it.n + 1, sizeof *it.a);
        it.b = hv_xcalloc(it.n + 1, sizeof *it.b);
        for (size_t i = 0; i < it.n; i++) {
            it.a[i] = hv_xstrdup(bp[i]);
            it.b[i] = member_text(ctx, o, bp[i], NULL);
        }
        return it;
    }
    if (o->kind != HV_OBJECT)
        return it;
    const hv_obj_class *cls = hv_obj_class_of(o);
    const char **names;
    size_t n;
    if (cls && cls->list_view) {
        n = 0;
        while (cls->list_view[n])
            n++;
        names = hv_xcalloc(n + 1, sizeof *names);
        for (size_t i = 0; i < n; i++)
            names[i] = cls->list_view[i];
    } else {
        n = obj_props(o, &names);
    }
    it.n = n;
    it.a = hv_xcalloc(n + 1, sizeof *it.a);
    it.b = hv_xcalloc(n + 1, sizeof *it.b);
    for (size_t i = 0; i < n; i++) {
        it.a[i] = hv_xstrdup(names[i]);
        it.b[i] = member_text(ctx, o, names[i], NULL);
    }
    free(names);
    return it;
}

static void
g_setup_cols(fgroup *g, size_t n)
{
    g->ncols = n;
    g->labels = hv_xcalloc(n + 1, sizeof *g->labels);
    g->widths = hv_xcalloc(n + 1, sizeof *g->widths);
    g->aligns = hv_xcalloc(n + 1, sizeof *g->aligns);
}

/* Convention for classes whose view is their ToString() (MatchInfo, help): an empty default
 * property set and a to_string function. */
static bool
tostring_view(const hv_obj_class *cls)
{
    return cls && cls->to_string && cls->default_props && !cls->default_props[0] &&
           !cls->table_view;
}

/* Open a view for the first complex object of a sequence. */
static void
g_open(fgroup *g, const hv_value *o)
{
    memset(g, 0, sizeof *g);
    if (o->kind == HV_TABLE) {
        g->sh = SH_TABLE;
        g->view_kind = 2;
        g_setup_cols(g, 2);
        g->labels[0] = hv_xstrdup("Name");
        g->labels[1] = hv_xstrdup("Value");
        g->widths[0] = 30;
        g->aligns[0] = g->aligns[1] = -1;
        return;
    }
    if (o->kind == HV_TYPE) {
        static const char *const tl[] = {"IsPublic", "IsSerial", "Name", "BaseType"};
        static const int tw[] = {8, 8, 40, 0};
        g->sh = SH_TABLE;
        g->view_kind = 3;
        g_setup_cols(g, 4);
        for (int k = 0; k < 4; k++) {
            g->labels[k] = hv_xstrdup(tl[k]);
            g->widths[k] = tw[k];
            g->aligns[k] = -1;
        }
        return;
    }
    if (o->kind == HV_TIMESPAN) {
        g->sh = SH_LIST;
        g->view_kind = 4;
        return;
    }
    if (o->kind == HV_BOXED && boxed_props(o)) {
        const char *const *bp = boxed_props(o);
        size_t n = 0;
        while (bp[n])
            n++;
        g->sh = SH_TABLE;
        g->view_kind = 6;
        g->boxed = hv_boxed_class_of(o);
        g_setup_cols(g, n);
        g->props = hv_xcalloc(n + 1, sizeof *g->props);
        for (size_t k = 0; k < n; k++) {
            g->labels[k] = hv_xstrdup(bp[k]);
            g->props[k] = bp[k];
        }
        return;
    }
    if (o->kind == HV_DATETIME) {
        /* DateTime has a custom (complex) view: its long date and time, one per line */
        g->sh = SH_COMPLEX;
        g->view_kind = 5;
        return;
    }
    const hv_obj_class *cls = hv_obj_class_of(o);
    if (tostring_view(cls)) {
        g->sh = SH_COMPLEX;
        g->view_kind = 1;
        g->cls = cls;
        return;
    }
    if (cls && cls->table_view) {
        size_t n = 0;
        while (cls->table_view[n].label || cls->table_view[n].property ||
               cls->table_view[n].compute)
            n++;
        g->sh = SH_TABLE;
        g->view_kind = 1;
        g->cls = cls;
        g->vcols = cls->table_view;
        if (cls->type_name &&
            strcmp(cls->type_name, "Microsoft.PowerShell.Commands.MemberDefinition") == 0) {
            /* pwsh's MemberDefinition view: autosized, grouped by TypeName */
            g->autosize = true;
            g->group_prop = "TypeName";
        } else if (cls->type_name && (strcmp(cls->type_name, "System.IO.FileInfo") == 0 ||
                                      strcmp(cls->type_name, "System.IO.DirectoryInfo") == 0)) {
            /* FileSystem.format.ps1xml: grouped by the parent directory */
            g->group_prop = "PSParentPath";
        }
        g_setup_cols(g, n);
        for (size_t k = 0; k < n; k++) {
            const hv_view_column *c = &cls->table_view[k];
            g->labels[k] = hv_xstrdup(c->label ? c->label : c->property ? c->property : "");
            g->widths[k] = c->width;
            g->aligns[k] = c->align;
        }
        return;
    }
    if (cls && cls->list_view) {
        g->sh = SH_LIST;
        g->view_kind = 1;
        g->cls = cls;
        return;
    }
    const char **names;
    size_t n = obj_props(o, &names);
    if (n > 4) {
        free(names);
        g->sh = SH_LIST;
        g->view_kind = 0;
        return;
    }
    g->sh = SH_TABLE;
    g->view_kind = 0;
    g_setup_cols(g, n);
    g->props = names;
    for (size_t k = 0; k < n; k++)
        g->labels[k] = hv_xstrdup(names[k]);
}

static bool
g_applies(const fgroup *g, const hv_value *o)
{
    switch (g->view_kind) {
    case 0: /* a generated view (no format definition) takes any object, as pwsh does */
        return o->kind == HV_OBJECT || o->kind == HV_DATETIME || o->kind == HV_TIMESPAN ||
               o->kind == HV_TYPE;
    case 1: {
        /* the same class, or one sharing its view (FileInfo and DirectoryInfo) */
        const hv_obj_class *c = o->kind == HV_OBJECT ? hv_obj_class_of(o) : NULL;
        return c && (c == g->cls || (c->table_view && c->table_view == g->cls->table_view));
    }
    case 2:
        return o->kind == HV_TABLE;
    case 3:
        return o->kind == HV_TYPE;
    case 4:
        return o->kind == HV_TIMESPAN;
    case 5:
        return o->kind == HV_DATETIME;
    case 6:
        return o->kind == HV_BOXED && hv_boxed_class_of(o) == g->boxed;
    }
    return false;
}

static void
g_row(hv_ctx *ctx, fgroup *g, char **cellsv, const hv_value *raw)
{
    for (size_t k = 0; k < g->ncols && raw; k++)
        if (g->aligns[k] == 0)
            g->aligns[k] = default_align(&raw[k]);
    g_add(g, (item){.kind = IT_ROW, .a = cellsv});
    (void)ctx;
}

static void
g_entry(hv_ctx *ctx, fgroup *g, const hv_value *o)
{
    if (g->sh == SH_COMPLEX || (g->sh == SH_LIST && o->kind == HV_DATETIME)) {
        hv_buf t = {0};
        scalar_append(ctx, &t, o);
        hv_buf_putc(&t, 0);
        g_text(g, t.data);
        return;
    }
    if (g->sh == SH_LIST) {
        g_add(g, list_item(ctx, o));
        return;
    }
    if (g->view_kind == 2) {
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(o, &it, &k, &v);) {
            char **c = hv_xcalloc(2, sizeof *c);
            c[0] = cell_text(ctx, k);
            c[1] = cell_text(ctx, v);
            g_add(g, (item){.kind = IT_ROW, .a = c});
        }
        return;
    }
    if (g->group_prop) {
        hv_value gv = hv_get_member(ctx, o, g->group_prop);
        char *gs = cell_text(ctx, &gv);
        hv_unref(gv);
        if (!g->last_group || strcmp(gs, g->last_group) != 0) {
            hv_buf h = {0};
            static const char fsprefix[] = "Microsoft.PowerShell.Core\\FileSystem::";
            if (strcmp(g->group_prop, "PSParentPath") == 0)
                hv_buf_printf(&h, "    Directory: %s",
                              strncmp(gs, fsprefix, sizeof fsprefix - 1) == 0
                                  ? gs + sizeof fsprefix - 1
                                  : gs);
            else
                hv_buf_printf(&h, "   %s: %s", g->group_prop, gs);
            hv_buf_putc(&h, 0);
            g_add(g, (item){.kind = IT_GROUP, .text = h.data});
            free(g->last_group);
            g->last_group = gs;
        } else {
            free(gs);
        }
    }
    char **c = hv_xcalloc(g->ncols + 1, sizeof *c);
    hv_value *raw = hv_xcalloc(g->ncols + 1, sizeof *raw);
    for (size_t k = 0; k < g->ncols; k++) {
        if (g->view_kind == 3) {
            const hv_type_info *t = o->u.t;
            const char *full = t->full_name ? t->full_name : "";
            const char *s = k == 0 || k == 1 ? "True" : k == 2 ? type_short_name(full)
                                                               : type_base_name(t);
            if (k == 3 && t->kind == HV_OBJECT && t->sub == 2) {
                /* exception types: the real .NET base (System.IO.IOException ...) */
                raw[k] = hv_get_member(ctx, o, "BaseType");
                if (raw[k].kind == HV_TYPE && raw[k].u.t->full_name)
                    s = raw[k].u.t->full_name;
            }
            c[k] = hv_xstrdup(s);
            continue;
        }
        if (g->vcols) {
            const hv_view_column *vc = &g->vcols[k];
            if (vc->compute)
                raw[k] = vc->compute(o);
            else if (vc->property)
                raw[k] = hv_get_member(ctx, o, vc->property);
            c[k] = cell_text(ctx, &raw[k]);
        } else {
            c[k] = member_text(ctx, o, g->props[k], &raw[k]);
            if (g->view_kind == 6 && raw[k].kind == HV_NULL && strcmp(g->props[k], "Guid") == 0) {
                free(c[k]);
                c[k] = cell_text(ctx, o); /* a Guid's Guid is its text */
            }
        }
    }
    g_row(ctx, g, c, raw);
    for (size_t k = 0; k < g->ncols; k++)
        hv_unref(raw[k]);
    free(raw);
}

/* ---- rendering a group ---- */
static void
render_table_items(hv_buf *out, fgroup *g, size_t from, size_t to, int width)
{
    twriter tw = {.ncols = g->ncols, .hide_header = g->hide_header};
    tw.widths = hv_xcalloc(g->ncols + 1, sizeof *tw.widths);
    tw.aligns = hv_xcalloc(g->ncols + 1, sizeof *tw.aligns);
    bool autosz = g->autosize || (g->ncols > 0 && g->widths[0] == 0);
    for (size_t k = 0; k < g->ncols; k++) {
        tw.aligns[k] = g->aligns[k] > 0 ? 1 : -1;
        tw.widths[k] = autosz ? cells(g->labels[k]) : g->widths[k];
    }
    if (autosz)
        for (size_t i = from; i < to; i++)
            if (g->items[i].kind == IT_ROW)
                for (size_t k = 0; k < g->ncols; k++) {
                    int c = cells(g->items[i].a[k] ? g->items[i].a[k] : "");
                    if (c > tw.widths[k])
                        tw.widths[k] = c;
                }
    if (g->ncols > 0)
        fit_columns(tw.widths, g->ncols, width);
    bool any = false;
    for (size_t k = 0; k < g->ncols; k++)
        any |= tw.widths[k] > 0;
    if (g->ncols > 0 && any && width >= 5)
        gen_header(out, &tw, g->labels);
    for (size_t i = from; i < to; i++) {
        item *it = &g->items[i];
        if (it->kind == IT_ROW) {
            if (!any || width < 5)
                continue;
            if (g->wrap)
                gen_row_multi(out, &tw, it->a);
            else
                gen_row(out, &tw, it->a);
        } else if (it->kind == IT_TEXT) {
            hv_buf_puts(out, it->text);
            hv_buf_putc(out, '\n');
        } else if (it->kind == IT_LIST) {
            hv_buf_putc(out, '\n');
            write_list(out, it->a, it->b, it->n, width);
            hv_buf_putc(out, '\n');
        }
    }
    free(tw.widths);
    free(tw.aligns);
}

static void
render_wide_items(hv_buf *out, fgroup *g, size_t from, size_t to, int width)
{
    int per = 2;
    if (g->wide_cols > 0) {
        per = g->wide_cols;
    } else if (g->autosize) {
        int maxl = 0;
        for (size_t i = from; i < to; i++)
            if (g->items[i].kind == IT_ROW && g->items[i].a[0][0]) {
                int c = cells(g->items[i].a[0]);
                if (c > maxl)
                    maxl = c;
            }
        if (maxl > 0) {
            /* TableWriter.ComputeWideViewBestItemsPerRowFit */
            if (maxl >= width) {
                per = 1;
            } else {
                per = 1;
                for (;;) {
                    int next = per + 1;
                    if (maxl * next + (next - 1) >= width)
                        break;
                    per++;
                }
            }
        }
    }
    twriter tw = {.ncols = (size_t)per};
    tw.widths = hv_xcalloc((size_t)per, sizeof *tw.widths);
    tw.aligns = hv_xcalloc((size_t)per, sizeof *tw.aligns);
    for (int k = 0; k < per; k++)
        tw.aligns[k] = -1;
    fit_columns(tw.widths, (size_t)per, width);
    char **row = hv_xcalloc((size_t)per, sizeof *row);
    int filled = 0;
    for (size_t i = from; i <= to; i++) {
        bool flush = i == to || g->items[i].kind != IT_ROW;
        if (!flush) {
            row[filled++] = g->items[i].a[0];
            if (filled == per)
                flush = true;
        }
        if (flush && filled > 0) {
            for (int k = filled; k < per; k++)
                row[k] = "";
            gen_row(out, &tw, row);
            filled = 0;
        }
        if (i < to && g->items[i].kind == IT_TEXT) {
            hv_buf_puts(out, g->items[i].text);
            hv_buf_putc(out, '\n');
        }
    }
    free(row);
    free(tw.widths);
    free(tw.aligns);
}

static void
render_group(hv_buf *out, fgroup *g, int width)
{
    hv_buf_putc(out, '\n'); /* format start */
    size_t i = 0;
    while (i < g->nitems) {
        size_t from = i;
        if (g->items[i].kind == IT_GROUP) {
            if (from > 0)
                hv_buf_putc(out, '\n');
            hv_buf_puts(out, g->items[i].text);
            hv_buf_puts(out, "\n\n");
            from = ++i;
        }
        while (i < g->nitems && g->items[i].kind != IT_GROUP)
            i++;
        if (g->sh == SH_TABLE) {
            render_table_items(out, g, from, i, width);
        } else if (g->sh == SH_WIDE) {
            render_wide_items(out, g, from, i, width);
        } else if (g->sh == SH_COMPLEX) {
            for (size_t j = from; j < i; j++) {
                item *it = &g->items[j];
                if (it->kind == IT_LIST) {
                    hv_buf_putc(out, '\n');
                    write_list(out, it->a, it->b, it->n, width);
                    hv_buf_putc(out, '\n');
                } else if (it->text) {
                    hv_buf_puts(out, it->text);
                    hv_buf_putc(out, '\n');
                }
            }
        } else {
            for (size_t j = from; j < i; j++) {
                item *it = &g->items[j];
                if (it->kind == IT_TEXT) {
                    hv_buf_puts(out, it->text);
                    hv_buf_putc(out, '\n');
                    continue;
                }
                write_list(out, it->a, it->b, it->n, width);
                hv_buf_putc(out, '\n');
            }
        }
    }
    if (g->sh != SH_LIST)
        hv_buf_putc(out, '\n'); /* format end (lists end each entry with one already) */
}

/* ======================================================================================
 * Format requests (made by Format-Table / Format-List / Format-Wide)
 * ====================================================================================== */
static const hv_value *
req_get(const hv_value *r, const char *name)
{
    return hv_obj_get(r, name);
}

static bool
req_bool(const hv_value *r, const char *name)
{
    const hv_value *v = req_get(r, name);
    return v && hv_conv_to_bool(v);
}

static void
render_request(hv_ctx *ctx, hv_buf *out, const hv_value *r, int width)
{
    fgroup g;
    memset(&g, 0, sizeof g);
    const hv_value *shp = req_get(r, "Shape");
    const char *s = shp && shp->kind == HV_STRING ? hv_str_cstr(shp) : "Table";
    g.sh = strcmp(s, "List") == 0 ? SH_LIST : strcmp(s, "Wide") == 0 ? SH_WIDE : SH_TABLE;
    g.autosize = req_bool(r, "AutoSize");
    g.wrap = req_bool(r, "Wrap");
    g.hide_header = req_bool(r, "HideTableHeaders");
    const hv_value *col = req_get(r, "Column");
    if (col && col->kind == HV_INT)
        g.wide_cols = (int)hv_int_of(col);
    const hv_value *labels = req_get(r, "Labels");
    const hv_value *widths = req_get(r, "Widths");
    const hv_value *aligns = req_get(r, "Aligns");
    if (g.sh == SH_TABLE && labels && labels->kind == HV_ARRAY) {
        size_t n = hv_array_len(labels);
        g_setup_cols(&g, n);
        for (size_t k = 0; k < n; k++) {
            g.labels[k] = cell_text(ctx, hv_array_at(labels, k));
            if (widths && widths->kind == HV_ARRAY && k < hv_array_len(widths))
                g.widths[k] = (int)hv_int_of(hv_array_at(widths, k));
            if (aligns && aligns->kind == HV_ARRAY && k < hv_array_len(aligns))
                g.aligns[k] = (int)hv_int_of(hv_array_at(aligns, k));
        }
    }
    const hv_value *glabel = req_get(r, "GroupLabel");
    const hv_value *rows = req_get(r, "Rows");
    const hv_value *groups = req_get(r, "Groups");
    size_t nrows = rows && rows->kind == HV_ARRAY ? hv_array_len(rows) : 0;
    char *lastgroup = NULL;
    for (size_t i = 0; i < nrows; i++) {
        const hv_value *row = hv_array_at(rows, i);
        if (row->kind == HV_OBJECT && hv_obj_typename_count(row) > 0 &&
            strcmp(hv_obj_typename_at(row, 0), "hvsh.FormatText") == 0) {
            /* a scalar the Format-* cmdlet left out of band: a plain line */
            const hv_value *tv = hv_obj_get(row, "Text");
            hv_buf t = {0};
            if (tv)
                scalar_append(ctx, &t, tv);
            hv_buf_putc(&t, 0);
            g_text(&g, t.data);
            continue;
        }
        if (groups && groups->kind == HV_ARRAY && i < hv_array_len(groups) && glabel) {
            char *gv = cell_text(ctx, hv_array_at(groups, i));
            if (!lastgroup || strcmp(gv, lastgroup) != 0) {
                hv_buf h = {0};
                hv_buf_puts(&h, "   ");
                hv_fmt_cell_append(ctx, &h, glabel);
                hv_buf_puts(&h, ": ");
                hv_buf_puts(&h, gv);
                hv_buf_putc(&h, 0);
                g_add(&g, (item){.kind = IT_GROUP, .text = h.data});
                free(lastgroup);
                lastgroup = gv;
            } else {
                free(gv);
            }
        }
        if (g.sh == SH_TABLE && row->kind == HV_ARRAY) {
            char **c = hv_xcalloc(g.ncols + 1, sizeof *c);
            for (size_t k = 0; k < g.ncols; k++) {
                const hv_value *v = k < hv_array_len(row) ? hv_array_at(row, k) : NULL;
                c[k] = v ? cell_text(ctx, v) : hv_xstrdup("");
                if (g.aligns[k] == 0 && v)
                    g.aligns[k] = default_align(v);
            }
            g_add(&g, (item){.kind = IT_ROW, .a = c});
        } else if (g.sh == SH_LIST && row->kind == HV_ARRAY && hv_array_len(row) == 2) {
            const hv_value *nm = hv_array_at(row, 0), *vs = hv_array_at(row, 1);
            item it = {.kind = IT_LIST};
            it.n = nm->kind == HV_ARRAY ? hv_array_len(nm) : 0;
            it.a = hv_xcalloc(it.n + 1, sizeof *it.a);
            it.b = hv_xcalloc(it.n + 1, sizeof *it.b);
            for (size_t k = 0; k < it.n; k++) {
                it.a[k] = cell_text(ctx, hv_array_at(nm, k));
                it.b[k] = vs->kind == HV_ARRAY && k < hv_array_len(vs)
                              ? cell_text(ctx, hv_array_at(vs, k))
                              : hv_xstrdup("");
            }
            g_add(&g, it);
        } else if (g.sh == SH_WIDE) {
            char **c = hv_xcalloc(2, sizeof *c);
            c[0] = cell_text(ctx, row);
            g_add(&g, (item){.kind = IT_ROW, .a = c});
        } else {
            hv_buf t = {0};
            scalar_append(ctx, &t, row);
            hv_buf_putc(&t, 0);
            g_text(&g, t.data);
        }
    }
    free(lastgroup);
    if (g.sh == SH_WIDE)
        g.ncols = 1;
    render_group(out, &g, width);
    g_free(&g);
}

/* ======================================================================================
 * Out-Default
 * ====================================================================================== */
typedef struct {
    hv_ctx *ctx;
    hv_buf *out;
    int width;
    fgroup g;
    bool open;
} fstate;

static void
close_group(fstate *st)
{
    if (!st->open)
        return;
    render_group(st->out, &st->g, st->width);
    g_free(&st->g);
    st->open = false;
}

static void
push_value(fstate *st, const hv_value *v, int depth)
{
    if (v->kind == HV_NULL)
        return;
    if (v->kind == HV_ARRAY && depth < 8) {
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++)
            push_value(st, hv_array_at(v, i), depth + 1);
        return;
    }
    if (is_request(v)) {
        close_group(st);
        render_request(st->ctx, st->out, v, st->width);
        return;
    }
    hv_value rec_text = hv_null();
    if (v->kind == HV_OBJECT && hv_stream_record_text(st->ctx, v, &rec_text)) {
        /* ErrorRecord / WarningRecord ... in the output: shown as on their stream */
        if (rec_text.kind == HV_STRING) {
            if (st->open)
                g_text(&st->g, hv_xstrdup(hv_str_cstr(&rec_text)));
            else {
                hv_buf_put(st->out, hv_str_cstr(&rec_text), hv_str_len(&rec_text));
                hv_buf_putc(st->out, '\n');
            }
        }
        hv_unref(rec_text);
        return;
    }
    if (is_scalar(v)) {
        hv_buf t = {0};
        scalar_append(st->ctx, &t, v);
        if (st->open) {
            hv_buf_putc(&t, 0);
            g_text(&st->g, t.data);
        } else {
            hv_buf_put(st->out, t.data ? t.data : "", t.len);
            hv_buf_putc(st->out, '\n');
            hv_buf_free(&t);
        }
        return;
    }
    if (v->kind == HV_OBJECT && hv_obj_count(v) == 0 && !hv_obj_class_of(v))
        return; /* an empty PSCustomObject shows nothing */
    if (v->kind == HV_TABLE && hv_table_count(v) == 0)
        return; /* nor does an empty dictionary (no entries to enumerate) */
    if (v->kind == HV_TABLE && st->open && st->g.view_kind != 2) {
        /* Out-Default enumerates a dictionary: its DictionaryEntry objects meet the view
         * that is open (a generated view shows them as rows of its own columns). */
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            hv_value e = hv_obj_new(NULL);
            hv_obj_set(&e, "Name", hv_ref(k));
            hv_obj_set(&e, "Value", hv_ref(val));
            hv_obj_add_typename(&e, "System.Collections.DictionaryEntry");
            if (g_applies(&st->g, &e))
                g_entry(st->ctx, &st->g, &e);
            else
                g_add(&st->g, list_item(st->ctx, &e));
            hv_unref(e);
        }
        return;
    }
    if (!st->open) {
        g_open(&st->g, v);
        st->open = true;
    }
    if (g_applies(&st->g, v)) {
        g_entry(st->ctx, &st->g, v);
    } else if (v->kind == HV_OBJECT && tostring_view(hv_obj_class_of(v))) {
        hv_buf t = {0};
        scalar_append(st->ctx, &t, v);
        hv_buf_putc(&t, 0);
        g_text(&st->g, t.data);
    } else {
        g_add(&st->g, list_item(st->ctx, v));
    }
}

hv_value
hv_fmt_render(hv_ctx *ctx, const hv_value *objs, size_t n, int width)
{
    hv_buf out = {0};
    fstate st = {.ctx = ctx, .out = &out, .width = width > 0 ? width : hv_host_width(ctx)};
    if (st.width <= 0)
        st.width = 120;
    for (size_t i = 0; i < n; i++)
        push_value(&st, &objs[i], 0);
    close_group(&st);
    return hv_buf_finish(&out);
}

hv_value
hv_format_default(hv_ctx *ctx, const hv_value *objs, size_t n, int width)
{
    return hv_fmt_render(ctx, objs, n, width);
}
