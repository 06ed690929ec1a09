/* unit.c — parse units: hv_parse entry point, refcounting, error printing, -SyntaxCheck. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pstate.h"

static void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

static void
index_lines(hv_ast_unit *u)
{
    uint32_t n = 1;
    for (size_t i = 0; i < u->len; i++)
        if (u->src[i] == '\n' || (u->src[i] == '\r' && (i + 1 >= u->len || u->src[i + 1] != '\n')))
            n++;
    u->line_starts = xmalloc(n * sizeof *u->line_starts);
    u->nlines = n;
    uint32_t k = 0;
    u->line_starts[k++] = 0;
    for (size_t i = 0; i < u->len; i++)
        if (u->src[i] == '\n' || (u->src[i] == '\r' && (i + 1 >= u->len || u->src[i + 1] != '\n')))
            u->line_starts[k++] = (uint32_t)i + 1;
}

/* "#requires -Version 7" lines: the text after the keyword, per line. */
static void
collect_requires(hv_pstate *p, hv_ast *root)
{
    hv_ast_unit *u = p->unit;
    const char *found[64];
    size_t lens[64];
    uint32_t n = 0;
    for (uint32_t l = 0; l < u->nlines && n < 64; l++) {
        const char *s = u->src + u->line_starts[l];
        size_t avail = u->len - u->line_starts[l];
        if (avail < 9 || strncasecmp(s, "#requires", 9) != 0)
            continue;
        size_t e = 9;
        while (e < avail && s[e] != '\n' && s[e] != '\r')
            e++;
        size_t b = 9;
        while (b < e && (s[b] == ' ' || s[b] == '\t'))
            b++;
        found[n] = s + b;
        lens[n++] = e - b;
    }
    if (!n)
        return;
    root->u.sb.requires = hv_ast_arena_alloc(p->arena, n * sizeof(char *));
    for (uint32_t i = 0; i < n; i++)
        root->u.sb.requires[i] = hv_parse_strdup(p, found[i], lens[i]);
    root->u.sb.nrequires = n;
}

static void
set_parent(hv_ast *child, void *ud)
{
    child->parent = ud;
    hv_ast_visit_children(child, set_parent, child);
}

static hv_ast_unit *
new_unit(const char *src, size_t len, const char *filename)
{
    hv_ast_unit *u = xmalloc(sizeof *u);
    memset(u, 0, sizeof *u);
    u->refcount = 1;
    size_t flen = filename ? strlen(filename) : 0;
    u->filename = xmalloc(flen + 1);
    memcpy(u->filename, filename ? filename : "", flen + 1);
    u->src = xmalloc(len + 1);
    if (len)
        memcpy(u->src, src, len);
    u->src[len] = '\0';
    u->len = len;
    u->arena = hv_ast_arena_new();
    index_lines(u);
    return u;
}

static void
finish_errors(hv_pstate *p)
{
    hv_ast_unit *u = p->unit;
    if (p->nerrs) {
        u->errors = hv_ast_arena_alloc(p->arena, p->nerrs * sizeof *u->errors);
        memcpy(u->errors, p->errs, p->nerrs * sizeof *u->errors);
        u->nerrors = p->nerrs;
        u->incomplete = p->errs[0].incomplete;
    }
    free(p->errs);
}

hv_ast_unit *
hv_parse_unit(const char *src, size_t len, const char *filename)
{
    if (len >= UINT32_MAX - 16)
        len = UINT32_MAX - 16; /* offsets are 32-bit; such input is not a script anyway */
    hv_ast_unit *u = new_unit(src, len, filename);
    hv_pstate p = {.unit = u, .arena = u->arena};
    hv_lex_pos start = {0, 1, 1};
    hv_lex_init(&p.lx, u->src, (uint32_t)len, start);
    p.last_end = start;
    hv_ast *root = hv_parse_scriptblock_body(&p, start, T_EOF);
    const hv_token *t = hv_parse_peek(&p, HV_LEX_CMD);
    if (!p.failed && t->kind != T_EOF)
        hv_parse_unexpected(&p, t);
    root->ext.start = 0;
    root->ext.line = 1;
    root->ext.col = 1;
    hv_lex_pos end = hv_lex_advance(u->src, start, (uint32_t)len);
    root->ext.end = end.pos;
    root->ext.end_line = end.line;
    root->ext.end_col = end.col;
    collect_requires(&p, root);
    u->root = root;
    if (!p.failed)
        hv_ast_visit_children(root, set_parent, root);
    finish_errors(&p);
    return u;
}

void
hv_ast_unit_ref(hv_ast_unit *unit)
{
    if (unit)
        unit->refcount++;
}

void
hv_ast_unit_unref(hv_ast_unit *unit)
{
    if (!unit || --unit->refcount > 0)
        return;
    hv_ast_arena_free(unit->arena);
    free(unit->line_starts);
    free(unit->src);
    free(unit->filename);
    free(unit);
}

const char *
hv_ast_unit_line(const hv_ast_unit *unit, uint32_t line, size_t *len)
{
    if (line == 0 || line > unit->nlines)
        return NULL;
    uint32_t s = unit->line_starts[line - 1], e = s;
    while (e < unit->len && unit->src[e] != '\n' && unit->src[e] != '\r')
        e++;
    *len = e - s;
    return unit->src + s;
}

int
hv_parse_print_errors(const hv_ast_unit *unit, FILE *out)
{
    for (uint32_t i = 0; i < unit->nerrors; i++) {
        const hv_parse_error *e = &unit->errors[i];
        fprintf(out, "%s:%u:%u: %s\n", unit->filename, e->ext.line, e->ext.col, e->message);
    }
    return (int)unit->nerrors;
}

void
hv_parse_print_error_detail(const hv_ast_unit *unit, const hv_parse_error *err, FILE *out)
{
    size_t len = 0;
    const char *line = hv_ast_unit_line(unit, err->ext.line, &len);
    char num[16];
    int w = snprintf(num, sizeof num, "%u", err->ext.line);
    if (unit->filename[0])
        fprintf(out, "ParserError: %s:%u\nLine |\n", unit->filename, err->ext.line);
    else /* -Command text and the REPL have no script position */
        fprintf(out, "ParserError: \nLine |\n");
    fprintf(out, "%*s%s |  %.*s\n", w < 4 ? 4 - w : 0, "", num, (int)len, line ? line : "");
    uint32_t width = err->ext.end_line == err->ext.line && err->ext.end_col > err->ext.col
                         ? err->ext.end_col - err->ext.col
                         : 1;
    fprintf(out, "     |  %*s", (int)(err->ext.col - 1), "");
    for (uint32_t i = 0; i < width; i++)
        fputc('~', out);
    fprintf(out, "\n     | %s\n", err->message);
}

static size_t
put_utf8(char *d, uint32_t cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6));
        d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18));
    d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* UTF-16 (after the BOM) to UTF-8; unpaired surrogates become U+FFFD. */
static char *
utf16_to_utf8(const unsigned char *s, size_t len, bool big, size_t *out_len)
{
    char *d = xmalloc(len / 2 * 3 + 4), *w = d;
    for (size_t i = 0; i + 1 < len; i += 2) {
        uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < len) {
            uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u < 0xE000) {
            u = 0xFFFD;
        }
        w += put_utf8(w, u);
    }
    *w = '\0';
    *out_len = (size_t)(w - d);
    return d;
}

char *
hv_parse_decode_source(const char *bytes, size_t len, size_t *out_len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return utf16_to_utf8(b + 2, len - 2, false, out_len);
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return utf16_to_utf8(b + 2, len - 2, true, out_len);
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        bytes += 3;
        len -= 3;
    }
    char *d = xmalloc(len + 1);
    if (len)
        memcpy(d, bytes, len);
    d[len] = '\0';
    *out_len = len;
    return d;
}

int
hv_parse_check_file(const char *path, FILE *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(out, "%s: cannot read: %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 65536, n = 0;
    char *buf = xmalloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
    }
    if (ferror(f)) { /* e.g. a directory */
        fprintf(out, "%s: cannot read: %s\n", path, strerror(errno));
        fclose(f);
        free(buf);
        return -1;
    }
    fclose(f);
    size_t tlen;
    char *text = hv_parse_decode_source(buf, n, &tlen);
    free(buf);
    hv_ast_unit *u = hv_parse(text, tlen, path);
    free(text);
    int count = hv_parse_print_errors(u, out);
    hv_ast_unit_unref(u);
    return count;
}

hv_ast_typename *
hv_parse_typename(hv_ast_unit *unit, const char *text, size_t len)
{
    /* parse "[text]" in a scratch unit, then copy the result into `unit`'s arena by
     * parsing the same text again inside it */
    char *src = xmalloc(len + 3);
    src[0] = '[';
    memcpy(src + 1, text, len);
    src[len + 1] = ']';
    src[len + 2] = '\0';
    hv_pstate p = {.unit = unit, .arena = unit->arena};
    hv_lex_pos start = {1, 1, 2};
    /* the lexer reads from a private buffer; the typename strings are copied into the arena */
    hv_lex_init(&p.lx, src, (uint32_t)len + 2, start);
    hv_ast_unit tmp = *unit;
    tmp.src = src;
    tmp.len = len + 2;
    p.unit = &tmp;
    hv_ast_typename *tn = hv_parse_typename_at(&p);
    bool ok = tn && !p.failed && hv_parse_peek(&p, HV_LEX_EXPR)->kind == T_RBRACKET;
    if (ok) {
        hv_parse_next(&p);
        ok = hv_parse_peek(&p, HV_LEX_EXPR)->kind == T_EOF;
    }
    free(p.errs);
    free(src);
    return ok ? tn : NULL;
}
